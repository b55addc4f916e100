import Foundation
import OpsCore
import Testing

/// Argo Rollouts, StatefulSets and DaemonSets through the real kubectl against the fake API server:
/// listed beside a Deployment, a canary deployed, stopped at its pause, promoted and aborted by the
/// plans opsdeck runs, and a cluster without the Rollout CRD.
@Suite(.enabled(if: KubeTools.shouldRun, KubeTools.missing))
struct KubernetesWorkloadsTests {
    static let seed = """
        {"deployments": [{"name": "web", "namespace": "shop", "replicas": 2, "revisions": ["local/web:1.4.0"]}],
         "rollouts": [
           {"name": "checkout", "namespace": "shop", "replicas": 4, "canaryPaused": true,
            "revisions": ["local/checkout:1.4.0", "local/checkout:1.5.0"],
            "steps": [{"setWeight": 25}, {"pause": {}}, {"setWeight": 50}, {"pause": {"duration": "1s"}}]},
           {"name": "cart", "namespace": "shop", "replicas": 2, "revisions": ["local/cart:1.1.0"],
            "steps": [{"setWeight": 50}, {"pause": {}}]}],
         "statefulsets": [{"name": "db", "namespace": "shop", "replicas": 2, "image": "local/db:16", "notReady": 1}],
         "daemonsets": [{"name": "agent", "namespace": "shop", "nodes": 3, "image": "local/agent:2"}]}
        """

    static func key(_ service: String) -> ServiceKey { ServiceKey(service: service, environment: "production") }

    static let targets: [ServiceKey: KubernetesTarget] = [
        key("web"): KubernetesTarget(context: "prod", namespace: "shop", workload: .deployment("web")),
        key("checkout"): KubernetesTarget(context: "prod", namespace: "shop", workload: .rollout("checkout")),
        key("cart"): KubernetesTarget(context: "prod", namespace: "shop", workload: .rollout("cart")),
        key("db"): KubernetesTarget(context: "prod", namespace: "shop", workload: .statefulset("db")),
        key("agent"): KubernetesTarget(context: "prod", namespace: "shop", workload: .daemonset("agent")),
    ]

    /// A fake cluster with the seed, kubectl's sandbox, and the provider and rollout changer on it.
    struct Cluster {
        let folder: ScratchFolder
        let server: FakeKubeAPIServer
        let sandbox: KubeSandbox
        let provider: KubernetesProvider
        let changer: KubernetesRolloutChanger

        init(seed: String = KubernetesWorkloadsTests.seed, targets: [ServiceKey: KubernetesTarget] = KubernetesWorkloadsTests.targets,
             options: [String] = ["--rollout-step", "0.05"]) throws {
            folder = try ScratchFolder()
            server = try FakeKubeAPIServer(seed: seed, options: options, in: folder)
            sandbox = try KubeSandbox(contexts: [("prod", server.url)], in: folder)
            provider = KubernetesProvider(runner: LiveCommandRunner(), endpoint: sandbox.endpoint("prod"), targets: targets)
            let settings = ActionSettings(opsdeckExecutable: "opsdeck", stateFolder: folder.path + "/state",
                                          readyTimeout: .seconds(30), shortTimeout: .seconds(20))
            changer = KubernetesRolloutChanger(provider: provider, settings: settings, usesPlugin: false)
        }

        func row(_ service: String) async throws -> ServiceSnapshot {
            try #require(try await provider.services().first { $0.key.service == service })
        }

        /// Runs a plan to its end as the console would, journalled in the scratch folder.
        func run(_ action: PreparedAction) async throws -> ActionReport {
            try await ActionExecutor(plan: action.plan, runner: LiveCommandRunner(),
                                     journal: JournalWriter(path: folder.path + "/journal.jsonl"),
                                     locksFolder: folder.path + "/locks").run()
        }

        /// Polls the listing until `service`'s row satisfies `done`, for at most `seconds`.
        func row(_ service: String, within seconds: Double = 20, until done: (ServiceSnapshot) -> Bool) async throws -> ServiceSnapshot {
            let deadline = Date().addingTimeInterval(seconds)
            var last = try await row(service)
            while !done(last), Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
                last = try await row(service)
            }
            return last
        }
    }

    @Test func aNamespaceWithEveryKindListsEachWithItsState() async throws {
        let cluster = try Cluster()
        let rows = try await cluster.provider.services()
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0.key.service, $0) })
        #expect(byName["web"]?.state == .running && byName["web"]?.replicas.count == 2)
        let checkout = try #require(byName["checkout"])
        #expect(checkout.state == .paused && checkout.note == "paused at step 2/4: promote to go on, or abort")
        #expect(checkout.image?.reference == "local/checkout:1.5.0" && checkout.image?.digest?.hasPrefix("sha256:") == true)
        #expect(checkout.replicas.count == 4 && checkout.revisions.map(\.percent) == [75, 25])
        #expect(byName["cart"]?.state == .running && byName["cart"]?.note == nil && byName["cart"]?.health == .healthy)
        let db = try #require(byName["db"])
        #expect(db.note == "read-only StatefulSet · 1 of 2 ready" && db.health == .unhealthy && db.replicas.count == 2)
        #expect(byName["agent"]?.note == "read-only DaemonSet · 3 of 3 ready" && byName["agent"]?.state == .running)

        let history = try await cluster.provider.releases(of: Self.key("checkout"))
        #expect(history.map(\.version) == ["1.5.0", "1.4.0"] && history.map(\.status) == [.inProgress, .live])
        let logs = try await cluster.provider.logSources(of: Self.key("db"), tail: 5)
        #expect(logs.map(\.name) == ["db-0", "db-1"])
    }

    @Test func deployStopsAtTheCanaryPauseAndPromoteFinishesIt() async throws {
        let cluster = try Cluster()
        let deploy = try await cluster.changer.deployment(for: Self.key("cart"), version: "1.2.0")
        let deployed = try await cluster.run(deploy)
        #expect(deployed.outcome == .ok, "\(deployed.steps.map { $0.standardError ?? "" })")
        let paused = try await cluster.row("cart")
        #expect(paused.state == .paused && paused.note == "paused at step 2/2: promote to go on, or abort")
        #expect(paused.revisions.map(\.percent) == [50, 50])

        let promote = try await cluster.changer.stepPromotion(of: Self.key("cart"))
        #expect(promote.plan.steps.map(\.summary) == ["promote rollout cart: end its pause", "wait until rollout cart is Healthy"])
        let promoted = try await cluster.run(promote)
        #expect(promoted.outcome == .ok, "\(promoted.steps.map { $0.standardError ?? "" })")
        let healthy = try await cluster.row("cart") { $0.replicas.count == 2 }
        #expect(healthy.state == .running && healthy.note == nil && healthy.image?.version == "1.2.0")
        #expect(healthy.replicas.allSatisfy { $0.image?.version == "1.2.0" } && healthy.revisions.isEmpty)
        let history = try await cluster.provider.releases(of: Self.key("cart"))
        #expect(history.map(\.version) == ["1.2.0", "1.1.0"] && history.map(\.status) == [.live, .superseded])
    }

    @Test func abortGoesBackToStableAndLeavesTheSpecOnTheNewVersion() async throws {
        let cluster = try Cluster()
        let abort = try await cluster.changer.abort(of: Self.key("checkout"))
        #expect(abort.plan.steps.first?.summary
            == "abort: the canary is scaled back to the stable version 1.4.0; the spec still names 1.5.0: deploy or roll back to finish")
        let aborted = try await cluster.run(abort)
        #expect(aborted.outcome == .ok, "\(aborted.steps.map { $0.standardError ?? "" })")
        let row = try await cluster.row("checkout")
        #expect(row.state == .failed && row.note?.hasPrefix("aborted: the stable version runs again") == true)
        #expect(row.replicas.count == 4 && row.replicas.allSatisfy { $0.image?.version == "1.4.0" })
        let spec = try cluster.sandbox.kubectl("prod", ["get", "rollout.argoproj.io/checkout", "-o",
                                                        "jsonpath={.spec.template.spec.containers[0].image}"])
        #expect(spec == "local/checkout:1.5.0")

        // Rolling back to the stable revision finishes it: Healthy on 1.4.0, no canary steps run.
        let stable = try #require(try await cluster.provider.releases(of: Self.key("checkout")).first { $0.version == "1.4.0" })
        let rolledBack = try await cluster.run(try await cluster.changer.rollback(of: Self.key("checkout"), to: stable))
        #expect(rolledBack.outcome == .ok, "\(rolledBack.steps.map { $0.standardError ?? "" })")
        let healthy = try await cluster.row("checkout")
        #expect(healthy.state == .running && healthy.image?.version == "1.4.0" && healthy.note == nil)
    }

    @Test func headlessAbortAndPromoteOfARolloutFromTheCommandLine() throws {
        let cluster = try Cluster()
        let config = try cluster.folder.write("opsdeck.yml", """
            environments:
              production: {}
            services:
              checkout:
                production: { provider: kubernetes, context: prod, namespace: shop, rollout: checkout }
              web:
                production: { provider: kubernetes, context: prod, namespace: shop, deployment: web }
            """)
        let environment = ["KUBECONFIG": cluster.sandbox.kubeconfig, "HOME": cluster.sandbox.home,
                           "XDG_STATE_HOME": cluster.folder.path + "/state"]
        func opsdeck(_ arguments: [String]) throws -> ChildResult {
            try OpsdeckBinary.run(arguments + ["--config", config], environment: environment, currentDirectory: cluster.folder.path)
        }
        let notARollout = try opsdeck(["rollout", "promote", "web", "--env", "production", "--yes"])
        #expect(notARollout.exitCode == 2 && notARollout.stderrText.contains("web/production does not run as an Argo Rollout"))
        let aborted = try opsdeck(["rollout", "abort", "checkout", "--env", "production", "--yes"])
        #expect(aborted.exitCode == 0, "\(aborted.stderrText)")
        #expect(aborted.stdoutText.contains("the spec still names 1.5.0: deploy or roll back to finish"))
        #expect(try cluster.sandbox.kubectl("prod", ["get", "rollout.argoproj.io/checkout", "-o", "jsonpath={.status.phase}"]) == "Degraded")
        let nothingPaused = try opsdeck(["rollout", "promote", "checkout", "--env", "production", "--yes"])
        #expect(nothingPaused.exitCode == 1 && nothingPaused.stderrText.contains("rollout checkout is not paused (phase Degraded)"))
    }

    @Test func withoutTheCRDRolloutsAreAbsentAndATargetSaysWhy() async throws {
        let cluster = try Cluster(seed: """
            {"deployments": [{"name": "web", "namespace": "shop", "replicas": 1, "revisions": ["local/web:1.4.0"]}]}
            """, targets: Self.targets.filter { ["web", "checkout"].contains($0.key.service) })
        let rows = try await cluster.provider.services()
        #expect(rows.map(\.key.service) == ["checkout", "web"])
        #expect(rows[0].state == .unknown
            && rows[0].note == "rollout checkout: the Argo Rollouts CRD (rollouts.argoproj.io) is not installed in this cluster")
        #expect(rows[1].state == .running)
        await #expect(throws: KubernetesProviderError.rolloutsNotInstalled(Self.key("checkout"), cluster.sandbox.endpoint("prod"))) {
            try await cluster.changer.abort(of: Self.key("checkout"))
        }
    }
}
