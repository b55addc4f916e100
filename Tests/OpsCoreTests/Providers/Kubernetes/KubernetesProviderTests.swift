import Testing
@testable import OpsCore

/// The provider against the fixtures, through a runner that checks every argv.
@Suite struct KubernetesProviderTests {
    static let targets: [ServiceKey: KubernetesTarget] = [
        KubernetesFixture.key("web"): KubernetesFixture.target("web"),
        KubernetesFixture.key("api"): KubernetesFixture.target("api"),
        KubernetesFixture.key("worker"): KubernetesFixture.target("worker"),
        KubernetesFixture.key("idle"): KubernetesFixture.target("idle"),
        KubernetesFixture.key("gone"): KubernetesFixture.target("gone"),
    ]

    private func provider(_ runner: any CommandRunner, maxLogStreams: Int = 8) -> KubernetesProvider {
        KubernetesProvider(runner: runner, endpoint: KubernetesFixture.endpoint, targets: Self.targets, maxLogStreams: maxLogStreams)
    }

    @Test func groupsTargetsByContextAndNamespace() {
        let targets: [ServiceKey: KubernetesTarget] = [
            KubernetesFixture.key("web", "staging"): KubernetesFixture.target("web", context: "stage-eu"),
            KubernetesFixture.key("api", "staging"): KubernetesFixture.target("api", context: "stage-eu"),
            KubernetesFixture.key("web"): KubernetesFixture.target("web"),
            KubernetesFixture.key("web", "batch"): KubernetesFixture.target("web", namespace: "batch"),
        ]
        let providers = KubernetesProvider.providers(for: targets, runner: FakeCommandRunner(), deadline: .seconds(9))
        #expect(providers.map(\.endpoint.description)
            == ["context prod-eu, namespace batch", "context prod-eu, namespace shop", "context stage-eu, namespace shop"])
        #expect(providers.map(\.targets.count) == [1, 1, 2])
        #expect(providers.allSatisfy { $0.endpoint.deadline == .seconds(9) && $0.name == "kubernetes" })
    }

    @Test func listsEveryTargetFromOneGetDeploymentsAndOneGetPods() async throws {
        let runner = RecordingRunner()
        runner.fake.expect(KubectlArgv.deployments, stdout: try KubernetesFixture.text("deployments.json"))
        runner.fake.expect(KubectlArgv.pods, stdout: try KubernetesFixture.text("pods.json"))
        let snapshots = try await provider(runner).services()
        #expect(runner.fake.pending.isEmpty)
        #expect(runner.commands.allSatisfy { $0.timeout == KubernetesCommands.readDeadline && !$0.isLongRunning })
        #expect(snapshots.map(\.key.service) == ["api", "gone", "idle", "web", "worker"])
        let byName = Dictionary(uniqueKeysWithValues: snapshots.map { ($0.key.service, $0) })

        let web = try #require(byName["web"])
        #expect(web.provider == "kubernetes" && web.state == .running && web.health == .healthy && web.note == nil)
        #expect(web.image == ImageReference("registry.example.com/shop/web:1.4.2", digest: KubernetesFixture.webDigest))
        #expect(web.replicas.count == 3 && web.desiredReplicas == 3 && web.restarts == 1)
        #expect(web.updatedAt == DockerFixture.time(2026, 11, 28, 14, 5, 30))

        let api = try #require(byName["api"])
        #expect(api.state == .degraded && api.health == .unhealthy && api.restarts == 5)
        #expect(api.replicas.map(\.detail) == ["Running", "CrashLoopBackOff, last OOMKilled (exit 137)"])
        #expect(api.note == "rolling out: 1 of 2 updated replicas available")

        let worker = try #require(byName["worker"])
        #expect(worker.state == .failed)
        #expect(worker.note == "rollout stuck (ProgressDeadlineExceeded): ReplicaSet \"worker-6b7c8d9e0f\" has timed out progressing.")
        #expect(worker.replicas.map(\.state) == [.running, .running, .failed])

        let idle = try #require(byName["idle"])
        #expect(idle.state == .stopped && idle.replicas.isEmpty && idle.desiredReplicas == 0)
        #expect(byName["gone"]?.state == .unknown && byName["gone"]?.note == "no deployment gone in namespace shop")
    }

    @Test func forbiddenPodsLeaveTheRowsOnTheDeploymentCounters() async throws {
        let runner = FakeCommandRunner()
        runner.expect(KubectlArgv.deployments, stdout: try KubernetesFixture.text("deployments.json"))
        runner.expect(KubectlArgv.pods, stderr: try KubernetesFixture.text("forbidden-pods.stderr"), exit: 1)
        let snapshots = try await provider(runner).services()
        let byName = Dictionary(uniqueKeysWithValues: snapshots.map { ($0.key.service, $0) })
        #expect(byName["web"]?.state == .running && byName["web"]?.replicas.isEmpty == true)
        #expect(byName["web"]?.note == "pods unreadable: not allowed to list pods in namespace shop (as dev@example.com)")
        #expect(byName["api"]?.state == .degraded && byName["idle"]?.state == .stopped && byName["worker"]?.state == .failed)
        #expect(byName["web"]?.replicasUp == 3 && byName["api"]?.replicasUp == 1)
    }

    @Test func theQuickListingReadsTheDeploymentsAloneAndCountsTheirReplicas() async throws {
        let runner = FakeCommandRunner()
        runner.expect(KubectlArgv.deployments, stdout: try KubernetesFixture.text("deployments.json"))
        let quick = try #require(try await provider(runner).quickServices())
        #expect(runner.pending.isEmpty && runner.commands == [KubectlArgv.deployments])
        let byName = Dictionary(uniqueKeysWithValues: quick.map { ($0.key.service, $0) })
        // The rows stand on the deployments' own counters until the full listing brings the pods.
        #expect(byName["web"]?.state == .running && byName["web"]?.replicasUp == 3 && byName["web"]?.replicas.isEmpty == true)
        #expect(byName["web"]?.note == nil && byName["web"]?.image?.reference == "registry.example.com/shop/web:1.4.2")
        #expect(byName["api"]?.state == .degraded && byName["api"]?.replicasUp == 1)
        #expect(byName["worker"]?.state == .failed && byName["idle"]?.state == .stopped)
        #expect(byName["gone"]?.state == .unknown)
    }

    @Test func deploymentsThatCannotBeReadThrowInWords() async throws {
        let runner = FakeCommandRunner()
        runner.expect(KubectlArgv.deployments, stderr: try KubernetesFixture.text("refused.stderr"), exit: 1)
        do {
            _ = try await provider(runner).services()
            Issue.record("listing succeeded against a dead server")
        } catch let error as KubernetesError {
            #expect(error.kind == .unreachable && error.endpoint == KubernetesFixture.endpoint)
        }
        let hanging = FakeCommandRunner()
        let command = KubernetesFixture.endpoint.command(KubernetesCommands.getDeployments())
        hanging.expect(KubectlArgv.deployments, error: .timedOut(command, after: .seconds(20)))
        await #expect(throws: KubernetesError(kind: .timedOut, message: "kubectl got no answer within 20s",
                                              endpoint: KubernetesFixture.endpoint)) {
            try await provider(hanging).services()
        }
    }

    @Test func historyFromTheDeploymentAndItsReplicaSets() async throws {
        let runner = FakeCommandRunner()
        runner.expect(KubectlArgv.deploymentWeb, stdout: try KubernetesFixture.text("deployment-web.json"))
        runner.expect(KubectlArgv.read(["get", "replicasets", "-o", "json", "-l", "app=web"]),
                      stdout: try KubernetesFixture.text("replicasets-web.json"))
        let releases = try await provider(runner).releases(of: KubernetesFixture.key("web"))
        #expect(runner.pending.isEmpty)
        #expect(releases.map(\.id) == ["7", "6"] && releases.map(\.status) == [.live, .superseded])
    }

    @Test func historyOfAMissingDeploymentOrAnUnknownService() async throws {
        let runner = FakeCommandRunner()
        runner.expect(KubectlArgv.read(["get", "deployment", "gone", "-o", "json"]),
                      stderr: "Error from server (NotFound): deployments.apps \"gone\" not found\n", exit: 1)
        await #expect(throws: KubernetesError(kind: .notFound, message: "deployments.apps \"gone\" not found",
                                              endpoint: KubernetesFixture.endpoint)) {
            try await provider(runner).releases(of: KubernetesFixture.key("gone"))
        }
        await #expect(throws: KubernetesProviderError.unknownService(KubernetesFixture.key("web", "nowhere"), KubernetesFixture.endpoint)) {
            try await provider(FakeCommandRunner()).releases(of: KubernetesFixture.key("web", "nowhere"))
        }
    }

    @Test func oneFollowedLogStreamAPodCapped() async throws {
        let script = { (runner: FakeCommandRunner) throws in
            runner.expect(KubectlArgv.deploymentWeb, stdout: try KubernetesFixture.text("deployment-web.json"))
            runner.expect(KubectlArgv.read(["get", "pods", "-o", "json", "-l", "app=web"]), stdout: try KubernetesFixture.text("pods.json"))
        }
        let runner = FakeCommandRunner()
        try script(runner)
        let sources = try await provider(runner).logSources(of: KubernetesFixture.key("web"), tail: 200)
        #expect(sources.map(\.name) == ["web-7c9d8f6b5d-p8m2n", "web-7c9d8f6b5d-x2k4q", "web-7c9d8f6b5d-z9r1t"])
        #expect(sources[0].command.argv == KubectlArgv.follow(["logs", "--prefix", "--timestamps", "--all-containers", "-f",
                                                              "--tail", "200", "pod/web-7c9d8f6b5d-p8m2n"]))
        #expect(sources.allSatisfy { $0.command.isLongRunning })

        let capped = FakeCommandRunner()
        try script(capped)
        let two = try await provider(capped, maxLogStreams: 2).logSources(of: KubernetesFixture.key("web"), tail: 10)
        #expect(two.map(\.name) == ["web-7c9d8f6b5d-p8m2n", "web-7c9d8f6b5d-x2k4q"])
    }
}
