import Testing
@testable import OpsCore

/// The deployer against the fixtures: what it reads before planning, and the plan it makes of it.
@Suite struct KubernetesDeployerTests {
    static let actor = ActionOperator(user: "ana", host: "ops-1", pid: 1)
    static let web = KubernetesFixture.key("web")
    static let podsOfWeb = KubectlArgv.read(["get", "pods", "-o", "json", "-l", "app=web"])
    static let quick = KubectlArgv.read([])

    static func deployer(_ runner: FakeCommandRunner, container: String? = nil) -> KubernetesDeployer {
        let provider = KubernetesProvider(runner: runner, endpoint: KubernetesFixture.endpoint,
                                          targets: [web: KubernetesFixture.target("web", container: container)])
        return KubernetesDeployer(provider: provider, settings: KubernetesPlannerTests.settings, actor: actor)
    }

    /// The reads every plan starts from: the deployment, then its pods.
    static func runnerReadingWeb() throws -> FakeCommandRunner {
        let runner = FakeCommandRunner()
        runner.expect(KubectlArgv.deploymentWeb, stdout: try KubernetesFixture.text("deployment-web.json"))
        runner.expect(podsOfWeb, stdout: try KubernetesFixture.text("pods.json"))
        return runner
    }

    @Test func aDeployOfATagKeepsTheContainersRepository() async throws {
        let runner = try Self.runnerReadingWeb()
        let action = try await Self.deployer(runner).deployment(for: Self.web, version: "1.5.0")
        #expect(runner.pending.isEmpty)
        #expect(action.plan.from == "1.4.2" && action.plan.to == "1.5.0")
        #expect(action.fromDigest == KubernetesFixture.webDigest)
        #expect(action.plan.steps.map(\.command.argv).prefix(2) == [
            Self.quick + ["set", "image", "deployment/web", "web=registry.example.com/shop/web:1.5.0"],
            Self.quick + ["annotate", "deployment/web", "kubernetes.io/change-cause=deploy 1.5.0 by ana@ops-1 via opsdeck",
                          "--overwrite"],
        ])
        #expect(action.recoveries[2]?.first?.command.argv == Self.quick + ["rollout", "undo", "deployment/web", "--to-revision=7"])
    }

    @Test func aWholeReferenceIsTakenAsItIsAndANonsenseOneRefused() async throws {
        let runner = try Self.runnerReadingWeb()
        let action = try await Self.deployer(runner).deployment(for: Self.web, version: "other.example.com/web@sha256:ab")
        #expect(action.plan.steps[0].command.argv.last == "web=other.example.com/web@sha256:ab")
        for bad in ["-x:1", "web:1 --all", "a=b:1"] {
            await #expect(throws: KubernetesActionError.self) {
                try await Self.deployer(try Self.runnerReadingWeb()).deployment(for: Self.web, version: bad)
            }
        }
    }

    @Test func aConfiguredContainerThatIsNotThereIsRefusedInWords() async throws {
        let runner = try Self.runnerReadingWeb()
        do {
            _ = try await Self.deployer(runner, container: "sidecar").deployment(for: Self.web, version: "1.5.0")
            Issue.record("planned a deploy to a container the deployment lacks")
        } catch let error as KubernetesActionError {
            #expect(error.description == "deployment web has no container sidecar (it has: web): fix `container:` of web/production")
            #expect(error.blamesRequest)
        }
    }

    @Test func aRollbackGoesToTheReleasesRevisionAndRefusesTheLiveOneOrNone() async throws {
        let release = Release(id: "6", version: "1.4.1", status: .superseded)
        let action = try await Self.deployer(try Self.runnerReadingWeb()).rollback(of: Self.web, to: release)
        #expect(action.plan.kind == .rollback && action.plan.to == "1.4.1")
        #expect(action.plan.steps.map(\.command.argv).prefix(2) == [
            Self.quick + ["rollout", "undo", "deployment/web", "--to-revision=6"],
            Self.quick + ["annotate", "deployment/web",
                          "kubernetes.io/change-cause=rollback 1.4.1 (revision 6) by ana@ops-1 via opsdeck", "--overwrite"],
        ])
        await #expect(throws: KubernetesActionError.badRelease("revision 7 (1.4.2) is the one deployment web runs: nothing to roll back to")) {
            try await Self.deployer(try Self.runnerReadingWeb()).rollback(of: Self.web, to: Release(id: "7", version: "1.4.2", status: .live))
        }
        await #expect(throws: KubernetesActionError.self) {
            try await Self.deployer(try Self.runnerReadingWeb()).rollback(of: Self.web, to: Release(id: "sha256:ab", version: "1.4.0", status: .superseded))
        }
    }

    @Test func aPromotionSetsTheSourcesDigestOnTheTargetsContainer() async throws {
        let digest = "sha256:" + String(repeating: "5", count: 64)
        let source = ServiceSnapshot(key: KubernetesFixture.key("web", "staging"), provider: "kubernetes",
                                     image: ImageReference("registry.example.com/shop/web:1.5.0", digest: digest))
        let action = try await Self.deployer(try Self.runnerReadingWeb()).promotion(from: source, to: Self.web)
        #expect(action.plan.kind == .promote && action.plan.from == "1.4.2" && action.plan.to == "1.5.0")
        #expect(action.toDigest == digest && action.fromDigest == KubernetesFixture.webDigest)
        #expect(action.plan.steps.map(\.command.argv).prefix(2) == [
            Self.quick + ["set", "image", "deployment/web", "web=registry.example.com/shop/web:1.5.0@" + digest],
            Self.quick + ["annotate", "deployment/web",
                          "kubernetes.io/change-cause=promote 1.5.0 from staging by ana@ops-1 via opsdeck", "--overwrite"],
        ])
        // Without a digest nothing is read: there is nothing to promote by content.
        var undigested = source
        undigested.image = ImageReference("registry.example.com/shop/web:1.5.0")
        let untouched = FakeCommandRunner()
        do {
            _ = try await Self.deployer(untouched).promotion(from: undigested, to: Self.web)
            Issue.record("promoted without a digest")
        } catch let error as KubernetesActionError {
            #expect(error.description.contains("none of its pods reports the image's digest") && !error.blamesRequest)
        }
        #expect(untouched.commands.isEmpty)
    }

    @Test func aRestartRestartsTheSameVersion() async throws {
        let action = try await Self.deployer(try Self.runnerReadingWeb()).restart(of: Self.web)
        #expect(action.plan.kind == .restart && action.plan.from == "1.4.2" && action.plan.to == "1.4.2")
        #expect(action.plan.steps.map(\.command.argv).prefix(2) == [
            Self.quick + ["rollout", "restart", "deployment/web"],
            Self.quick + ["annotate", "deployment/web", "kubernetes.io/change-cause=restart 1.4.2 by ana@ops-1 via opsdeck",
                          "--overwrite"],
        ])
    }

    @Test func theSnapshotIsTheDeploymentWithItsOwnPods() async throws {
        let snapshot = try #require(try await Self.deployer(try Self.runnerReadingWeb()).snapshot(of: Self.web))
        #expect(snapshot.image == ImageReference("registry.example.com/shop/web:1.4.2", digest: KubernetesFixture.webDigest))
        #expect(snapshot.replicas.count == 3 && snapshot.replicas.allSatisfy { $0.name.hasPrefix("web-7c9d8f6b5d-") })
    }

    @Test func serviceChangersGiveKubernetesDeploymentsADeployerAndRefuseTheRestInWords() throws {
        let settings = KubernetesPlannerTests.settings
        let deployment = ProviderTarget.kubernetes(KubernetesFixture.target("web"))
        #expect(try ServiceChangers.changer(for: Self.web, target: deployment, settings: settings, runner: FakeCommandRunner())
            is KubernetesDeployer)
        #expect(try ServiceChangers.restarter(for: Self.web, target: deployment, settings: settings, runner: FakeCommandRunner())
            is KubernetesDeployer)
        let statefulset = ProviderTarget.kubernetes(KubernetesTarget(context: "prod-eu", namespace: "shop", workload: .statefulset("db")))
        #expect(throws: ServiceChangersError.unsupportedWorkload(Self.web, "is a StatefulSet, which opsdeck lists read-only: change it with kubectl")) {
            try ServiceChangers.changer(for: Self.web, target: statefulset, settings: settings, runner: FakeCommandRunner())
        }
        let docker = ProviderTarget.docker(DockerTarget(.container("web")))
        #expect(throws: ServiceChangersError.cannotRestart(Self.web, provider: "docker")) {
            try ServiceChangers.restarter(for: Self.web, target: docker, settings: settings, runner: FakeCommandRunner())
        }
    }
}
