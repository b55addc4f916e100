import Foundation
import Testing

/// The console's change keys on Kubernetes, driven in a real terminal against the real kubectl and
/// the fake API server: `d` deploys a Deployment (set image, change-cause, rollout status), `P`
/// takes an Argo Rollout's paused canary on, and `d` on a StatefulSet says at once why it cannot.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"), .enabled(if: KubeTools.shouldRun, KubeTools.missing))
struct ConsoleKubernetesActionsTests {
    @Test func deployAPausedCanaryOnAndAReadOnlyStatefulSetFromTheKeys() throws {
        let folder = try ScratchFolder()
        let server = try FakeKubeAPIServer(seed: KubernetesWorkloadsTests.seed, options: ["--rollout-step", "0.05"], in: folder)
        let sandbox = try KubeSandbox(contexts: [("prod", server.url)], in: folder)
        try folder.write("opsdeck.yml", """
            environments:
              production: {}
            services:
              checkout:
                production: { provider: kubernetes, context: prod, namespace: shop, rollout: checkout }
              db:
                production: { provider: kubernetes, context: prod, namespace: shop, statefulset: db }
              web:
                production: { provider: kubernetes, context: prod, namespace: shop, deployment: web }
            """)
        let session = try sandbox.console("--poll 3600 --timeout 10", columns: 180, rows: 50, docker: false, in: folder)
        let row = KubeSandbox.row
        #expect(session.waitUntil("the three rows", timeout: .seconds(30)) { screen in
            row(screen, "checkout", "production").contains("paused") && row(screen, "db", "production").contains("16")
                && row(screen, "web", "production").contains("1.4.0")
        })

        // The last row, web: d, 1.5.0, the plan with its kubectl commands, y.
        try session.keys("G", "d")
        #expect(session.waitFor("runs now: 1.4.0", timeout: .seconds(10)))
        try session.literal("1.5.0")
        try session.keys("Enter")
        #expect(session.waitUntil("the plan of the deploy", timeout: .seconds(20)) { screen in
            screen.contains("deploy web/production 1.4.0 -> 1.5.0") && screen.contains("set image deployment/web web=local/web:1.5.0")
                && screen.contains("y / Enter run it")
        })
        try session.keys("y")
        #expect(session.waitFor("deploy web/production 1.4.0 -> 1.5.0: done", timeout: .seconds(60)))
        #expect(try sandbox.kubectl("prod", ["get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}"])
                == "local/web:1.5.0")
        // History, zoomed so its NOTE column has room, shows the new revision with its change-cause
        // (the controller copies it onto the ReplicaSet a moment after the annotate step: `r` reads again).
        try session.keys("Escape", "2", "Enter")
        var asked = ContinuousClock.now
        #expect(session.waitUntil("History with the new revision's change-cause", timeout: .seconds(30)) { screen in
            if screen.contains("deploy 1.5.0 by") { return true }
            if ContinuousClock.now - asked > .seconds(5) {
                try? session.keys("r")
                asked = .now
            }
            return false
        })
        try session.keys("Escape")

        // The first row, the canary paused at its step: P ends the pause, and it goes on to Healthy.
        try session.keys("1", "g", "P")
        #expect(session.waitUntil("the plan of the canary's promotion", timeout: .seconds(20)) { screen in
            screen.contains("promote checkout/production") && screen.contains("end its pause") && screen.contains("y / Enter run it")
        })
        try session.keys("y")
        #expect(session.waitFor("promote checkout/production 1.4.0 -> 1.5.0: done", timeout: .seconds(60)))
        #expect(try sandbox.kubectl("prod", ["get", "rollout.argoproj.io", "checkout", "-o", "jsonpath={.status.phase}"]) == "Healthy")

        // The StatefulSet between them: d says why at once, before any version is asked for.
        try session.keys("Escape", "j", "d")
        #expect(session.waitFor("is a StatefulSet, which opsdeck lists", timeout: .seconds(10)))
        try session.keys("Escape", "Escape", "q")
        #expect(session.waitForExit(timeout: .seconds(10)))
    }
}
