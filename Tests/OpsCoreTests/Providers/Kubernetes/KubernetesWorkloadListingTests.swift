import Testing
@testable import OpsCore

/// One listing of a namespace with every kind of workload: each kind is read once, and only when a
/// target needs it; a kind that cannot be read leaves its rows with a note.
@Suite struct KubernetesWorkloadListingTests {
    static let targets: [ServiceKey: KubernetesTarget] = [
        KubernetesFixture.key("web"): KubernetesFixture.target("web"),
        KubernetesFixture.key("checkout"): KubernetesTarget(context: "prod-eu", namespace: "shop", workload: .rollout("checkout")),
        KubernetesFixture.key("db"): KubernetesTarget(context: "prod-eu", namespace: "shop", workload: .statefulset("db")),
        KubernetesFixture.key("agent"): KubernetesTarget(context: "prod-eu", namespace: "shop", workload: .daemonset("agent")),
    ]

    func provider(_ runner: FakeCommandRunner, targets: [ServiceKey: KubernetesTarget] = Self.targets) -> KubernetesProvider {
        KubernetesProvider(runner: runner, endpoint: KubernetesFixture.endpoint, targets: targets)
    }

    @Test func everyKindFromOneReadEach() async throws {
        let runner = FakeCommandRunner()
        runner.expect(KubectlArgv.deployments, stdout: try KubernetesFixture.text("deployments.json"))
        runner.expect(KubectlArgv.read(["get", "rollouts.argoproj.io", "-o", "json"]), stdout: try KubernetesFixture.text("rollouts.json"))
        runner.expect(KubectlArgv.read(["get", "statefulsets", "-o", "json"]), stdout: try KubernetesFixture.text("statefulsets.json"))
        runner.expect(KubectlArgv.read(["get", "daemonsets", "-o", "json"]), stdout: try KubernetesFixture.text("daemonsets.json"))
        runner.expect(KubectlArgv.pods, stdout: try KubernetesFixture.text("workload-pods.json"))
        let rows = try await provider(runner).services()
        #expect(runner.pending.isEmpty)
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0.key.service, $0) })
        #expect(byName["checkout"]?.state == .paused && byName["checkout"]?.replicas.count == 4)
        #expect(byName["db"]?.note == "read-only StatefulSet · 1 of 2 ready" && byName["db"]?.replicas.count == 2)
        #expect(byName["agent"]?.note == "read-only DaemonSet · 2 of 3 ready" && byName["agent"]?.replicas.count == 3)
        #expect(byName["web"]?.image?.reference == "registry.example.com/shop/web:1.4.2")
    }

    @Test func withoutTheCRDRolloutTargetsSaySoAndTheRestLists() async throws {
        let runner = FakeCommandRunner()
        let targets = Self.targets.filter { $0.value.deployment == nil || $0.key.service == "web" }
            .filter { $0.value.statefulset == nil && $0.value.daemonset == nil }
        runner.expect(KubectlArgv.deployments, stdout: try KubernetesFixture.text("deployments.json"))
        runner.expect(KubectlArgv.read(["get", "rollouts.argoproj.io", "-o", "json"]),
                      stderr: "error: the server doesn't have a resource type \"rollouts\"\n", exit: 1)
        runner.expect(KubectlArgv.pods, stdout: try KubernetesFixture.text("pods.json"))
        let rows = try await provider(runner, targets: targets).services()
        #expect(rows.map(\.key.service) == ["checkout", "web"])
        #expect(rows[0].state == .unknown
            && rows[0].note == "rollout checkout: the Argo Rollouts CRD (rollouts.argoproj.io) is not installed in this cluster")
        #expect(rows[1].state == .running)
    }

    @Test func onlyRolloutTargetsReadNoDeployments() async throws {
        let runner = FakeCommandRunner()
        let targets = Self.targets.filter { $0.value.rollout != nil }
        runner.expect(KubectlArgv.read(["get", "rollouts.argoproj.io", "-o", "json"]),
                      stderr: "Error from server (Forbidden): rollouts.argoproj.io is forbidden: User \"dev@example.com\" cannot list resource \"rollouts\" in API group \"argoproj.io\" in the namespace \"shop\"\n",
                      exit: 1)
        runner.expect(KubectlArgv.pods, stdout: try KubernetesFixture.text("workload-pods.json"))
        let rows = try await provider(runner, targets: targets).services()
        #expect(runner.pending.isEmpty)
        #expect(rows.first?.note == "rollout checkout: not allowed to list rollouts in namespace shop (as dev@example.com)")
    }

    @Test func aDeploymentWithTheSameLabelsDoesNotTakeTheOtherControllersPods() async throws {
        let runner = FakeCommandRunner()
        // Deployments `db` and `checkout` whose selectors (app=db, app=checkout) also pick the
        // StatefulSet's and the Rollout's pods.
        let deployments = #"""
            {"kind":"List","apiVersion":"v1","items":[
             {"kind":"Deployment","metadata":{"name":"db","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"db"}},"template":{"spec":{"containers":[{"name":"db","image":"local/db:15"}]}}},"status":{"observedGeneration":1}},
             {"kind":"Deployment","metadata":{"name":"checkout","generation":1},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"checkout"}},"template":{"spec":{"containers":[{"name":"checkout","image":"local/checkout:1.0.0"}]}}},"status":{"observedGeneration":1}}]}
            """#
        runner.expect(KubectlArgv.deployments, stdout: deployments)
        runner.expect(KubectlArgv.pods, stdout: try KubernetesFixture.text("workload-pods.json"))
        let rows = try await provider(runner, targets: [KubernetesFixture.key("db"): KubernetesFixture.target("db"),
                                                        KubernetesFixture.key("checkout"): KubernetesFixture.target("checkout")])
            .services()
        #expect(rows.map(\.replicas.count) == [0, 0] && rows.map(\.state) == [.failed, .failed])
    }

    @Test func historyAndLogsOfEachKind() async throws {
        let runner = FakeCommandRunner()
        let rollouts = try KubernetesFixture.text("rollouts.json")
        let checkout = try #require(try KubernetesJSON.objects(Array(rollouts.utf8), command: "test")
            .first { $0["metadata"]?["name"] == .string("checkout") })
        runner.expect(KubectlArgv.read(["get", "rollouts.argoproj.io", "checkout", "-o", "json"]), stdout: JSONWriter.serialize(checkout))
        runner.expect(KubectlArgv.read(["get", "replicasets", "-o", "json", "-l", "app=checkout"]),
                      stdout: try KubernetesFixture.text("rollout-replicasets.json"))
        let releases = try await provider(runner).releases(of: KubernetesFixture.key("checkout"))
        #expect(releases.map(\.id) == ["2", "1"])
        #expect(try await provider(runner).releases(of: KubernetesFixture.key("db")).isEmpty)

        runner.expect(KubectlArgv.read(["get", "statefulsets", "db", "-o", "json"]), stdout: try KubernetesFixture.text("statefulsets.json"))
        runner.expect(KubectlArgv.read(["get", "pods", "-o", "json", "-l", "app=db"]), stdout: try KubernetesFixture.text("workload-pods.json"))
        let sources = try await provider(runner).logSources(of: KubernetesFixture.key("db"), tail: 50)
        #expect(sources.map(\.name) == ["db-0", "db-1"])
        #expect(sources[0].command.argv == KubectlArgv.follow(["logs", "--prefix", "--timestamps", "--all-containers", "-f",
                                                              "--tail", "50", "pod/db-0"]))
        runner.expect(KubectlArgv.read(["get", "rollouts.argoproj.io", "checkout", "-o", "json"]), stdout: JSONWriter.serialize(checkout))
        runner.expect(KubectlArgv.read(["get", "pods", "-o", "json", "-l", "app=checkout"]),
                      stdout: try KubernetesFixture.text("workload-pods.json"))
        #expect(try await provider(runner).logSources(of: KubernetesFixture.key("checkout"), tail: 10).count == 4)
        #expect(runner.pending.isEmpty)
    }
}
