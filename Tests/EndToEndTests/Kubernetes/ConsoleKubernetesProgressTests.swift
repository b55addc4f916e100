import Foundation
import Testing

/// The console with a dead cluster beside a live Docker engine: the engine's rows show while the
/// cluster's still say loading, and its failure stays on its own rows.
@Suite(.enabled(if: DockerEngine.shouldRun && TmuxSession.shouldRun, DockerEngine.missing),
       .enabled(if: KubeTools.shouldRun, KubeTools.missing))
struct ConsoleKubernetesProgressiveListingTests {
    @Test func dockerRowsShowWhileTheDeadClusterStillSaysLoading() throws {
        let scenario = try DockerScenario.get()
        let folder = try ScratchFolder()
        let silent = try FakeKubeAPIServer(options: ["--hang"], in: folder)
        let sandbox = try KubeSandbox(contexts: [("dr-eu", silent.url)], in: folder)
        try folder.write("opsdeck.yml", """
            environments:
              staging: {}
              dr: {}
            services:
              api:
                staging: { provider: docker, project: \(scenario.stagingProject), service: api }
              web:
                dr:      { provider: kubernetes, context: dr-eu, namespace: shop, deployment: web }
            """)
        // The cluster's kubectl is cut after 8 s: the Docker rows must not wait for that.
        let session = try sandbox.console("--poll 3600 --timeout 8", columns: 160, rows: 40, docker: true, in: folder)
        let row = KubeSandbox.row
        // One screen with both: Docker's row listed, the cluster's still waiting for its answer.
        #expect(session.waitUntil("api/staging running while web/dr is loading", timeout: .seconds(7)) { screen in
            row(screen, "api", "staging").contains("running") && row(screen, "web", "dr").contains("loading")
                && !screen.contains("kubectl got no answer")
        })
        // Then the cluster fails on its own rows, in words; the Docker row stays.
        #expect(session.waitUntil("web/dr failed, api/staging still running", timeout: .seconds(20)) { screen in
            screen.contains("kubernetes context dr-eu, namespace shop: kubectl got no answer within 8s")
                && row(screen, "web", "dr").contains("no data") && row(screen, "api", "staging").contains("running")
        })
        try session.keys("q")
        #expect(session.waitForExit())
        #expect(session.exitStatus == 0)
    }
}

/// The Logs pane following a deployment that is scaled while it is followed: the new pods' lines
/// appear, and the pods followed from the start are not started again (no line twice).
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not on PATH"), .enabled(if: KubeTools.shouldRun, KubeTools.missing))
struct ConsoleKubernetesNewPodsTests {
    /// The pod names of the log lines on screen (a line names its pod after its level).
    static func pods(_ screen: String) -> Set<Substring> {
        Set(screen.split(separator: "\n").compactMap { line -> Substring? in
            guard line.contains("seq="), let start = line.range(of: " web-") else { return nil }
            return line[line.index(after: start.lowerBound)...].prefix { $0 != " " }
        })
    }

    @Test func podsAddedByAScaleAreFollowedWithoutRestartingTheOthers() throws {
        let folder = try ScratchFolder()
        let server = try FakeKubeAPIServer(seed: """
            {"deployments": [{"name": "web", "namespace": "shop", "replicas": 2, "revisions": ["local/web:1.5.0"]}]}
            """, options: ["--log-interval", "0.3"], in: folder)
        let sandbox = try KubeSandbox(contexts: [("stage-eu", server.url)], in: folder)
        try folder.write("opsdeck.yml", """
            environments:
              staging: {}
            services:
              web:
                staging: { provider: kubernetes, context: stage-eu, namespace: shop, deployment: web }
            """)
        let session = try sandbox.console("--poll 3600 --timeout 5 --tail 5", columns: 180, rows: 60, docker: false, in: folder)
        var before: Set<Substring> = []
        #expect(session.waitUntil("lines of the two pods", timeout: .seconds(20)) { screen in
            before = Self.pods(screen)
            return before.count == 2
        })
        try sandbox.kubectl("stage-eu", ["patch", "deployment/web", "--type", "merge", "-p", #"{"spec":{"replicas":4}}"#])
        var last = ""
        #expect(session.waitUntil("lines of four pods", timeout: .seconds(30)) { screen in
            last = screen
            return Self.pods(screen).count == 4
        })
        #expect(before.isSubset(of: Self.pods(last)))
        // Every line once: a stream started again from its tail would repeat lines already shown.
        let lines = last.split(separator: "\n").filter { $0.contains("seq=") }
        #expect(lines.count > 4 && Set(lines).count == lines.count)
        try session.keys("q")
        #expect(session.waitForExit())
        #expect(session.exitStatus == 0)
    }
}
