import Foundation
import Testing

/// The console in tmux with a Docker service on the real test engine and Kubernetes services on two
/// fake clusters through the real kubectl, on one screen: their rows, a deployment's history and
/// its pods' logs, a deploy made with kubectl showing by itself, and a third cluster that never
/// answers, which costs only its own rows.
@Suite(.enabled(if: DockerEngine.shouldRun && TmuxSession.shouldRun, DockerEngine.missing),
       .enabled(if: KubeTools.shouldRun, KubeTools.missing))
struct ConsoleKubernetesTests {
    @Test func dockerAndKubernetesServicesShareTheScreen() throws {
        let scenario = try DockerScenario.get()
        let folder = try ScratchFolder()
        let staging = try FakeKubeAPIServer(seed: """
            {"deployments": [{"name": "web", "namespace": "shop", "replicas": 2,
              "revisions": [{"image": "local/web:1.5.0", "changeCause": "deploy 1.5.0"}]}]}
            """, in: folder)
        let production = try FakeKubeAPIServer(in: folder)
        let silent = try FakeKubeAPIServer(options: ["--hang"], in: folder)
        let sandbox = try KubeSandbox(contexts: [("stage-eu", staging.url), ("prod-eu", production.url),
                                                 ("dr-eu", silent.url)], in: folder)
        try folder.write("opsdeck.yml", """
            environments:
              staging: {}
              production: { protected: true }
              dr: {}
            services:
              api:
                staging:    { provider: docker, project: \(scenario.stagingProject), service: api }
              web:
                staging:    { provider: kubernetes, context: stage-eu, namespace: shop, deployment: web }
                production: { provider: kubernetes, context: prod-eu, namespace: shop, deployment: web }
                dr:         { provider: kubernetes, context: dr-eu, namespace: shop, deployment: web }
              worker:
                production: { provider: kubernetes, context: prod-eu, namespace: shop, deployment: worker }
            """)
        // Each read may take 3 s: the silent cluster's kubectl is cut there, not after kubectl's own retries.
        let session = try sandbox.console("--poll 3600 --timeout 3", columns: 180, rows: 50, docker: true, in: folder)
        let row = KubeSandbox.row
        #expect(session.waitUntil("the Docker and Kubernetes rows", timeout: .seconds(30)) { screen in
            row(screen, "api", "staging").contains("1.5.0") && row(screen, "api", "staging").contains("running")
                && row(screen, "web", "staging").contains("1.5.0") && row(screen, "web", "staging").contains("2/2")
                && row(screen, "web", "production").contains("1.4.0") && row(screen, "web", "production").contains("2/3")
                && row(screen, "worker", "production").contains("2.0.1")
        })
        // The silent cluster fails on its own, in words, after opsdeck's deadline.
        #expect(session.waitFor("kubectl got no answer within 3s (context dr-eu, namespace shop)", timeout: .seconds(20)))

        // Down to web in production (rows go by service, then environment): its ReplicaSets as
        // history, its pods' logs merged.
        #expect(session.waitFor("History · api/staging", timeout: .seconds(10)))
        try session.keys("j")
        #expect(session.waitFor("History · web/staging", timeout: .seconds(10)))
        try session.keys("j")
        #expect(session.waitFor("History · web/production", timeout: .seconds(10)))
        // The History pane zoomed: the live revision still rolling out (a pod crash-loops), the
        // one before superseded.
        try session.keys("2", "Enter")
        #expect(session.waitUntil("two revisions", timeout: .seconds(15)) { screen in
            let lines = screen.split(separator: "\n")
            return lines.contains { $0.contains("1.4.0") && $0.contains("1h ago") && $0.contains("rolling out") }
                && lines.contains { $0.contains("1.3.0") && $0.contains("2h ago") && $0.contains("superseded") }
        })
        try session.keys("Escape")
        // The running pods' lines, merged: each line names its pod.
        #expect(session.waitUntil("log lines from two pods", timeout: .seconds(20)) { screen in
            let pods = Set(screen.split(separator: "\n").compactMap { line -> Substring? in
                guard line.contains("GET /") || line.contains("POST /"), let start = line.range(of: "web-") else { return nil }
                return line[start.lowerBound...].prefix(20)
            })
            return pods.count >= 2
        })
        // A deploy made outside opsdeck shows without a key press (the poll is an hour): the
        // deployments' watch asks for a refresh, and the new pods replace the crash-looping one.
        try sandbox.kubectl("prod-eu", ["set", "image", "deployment/web", "web=local/web:1.6.0"])
        #expect(session.waitUntil("web in production on 1.6.0, all three pods up", timeout: .seconds(30)) { screen in
            let web = row(screen, "web", "production")
            return web.contains("1.6.0") && web.contains("3/3") && web.contains("running") && web.contains("healthy")
        })
        try session.keys("q")
        #expect(session.waitForExit())
        #expect(session.exitStatus == 0)
    }
}
