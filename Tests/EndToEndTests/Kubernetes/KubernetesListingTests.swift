import Foundation
import OpsCore
import Testing

/// The provider's listing through the real kubectl against fake API servers: what a namespace runs,
/// two clusters at once, and the ways a cluster fails (forbidden pods, a server that never answers).
@Suite(.enabled(if: KubeTools.shouldRun, KubeTools.missing))
struct KubernetesListingTests {
    static func targets(_ context: String, environment: String, services: [String] = ["web", "worker"])
        -> [ServiceKey: KubernetesTarget] {
        Dictionary(uniqueKeysWithValues: services.map { service in
            (ServiceKey(service: service, environment: environment),
             KubernetesTarget(context: context, namespace: "shop", workload: .deployment(service)))
        })
    }

    @Test func listsDeploymentsWithTheirPodsCountersAndACrashLoop() async throws {
        let folder = try ScratchFolder()
        let server = try FakeKubeAPIServer(in: folder)
        let sandbox = try KubeSandbox(contexts: [("prod", server.url)], in: folder)
        let provider = KubernetesProvider(runner: LiveCommandRunner(), endpoint: sandbox.endpoint("prod"),
                                          targets: Self.targets("prod", environment: "production"))
        let snapshots = try await provider.services()
        #expect(snapshots.map(\.key.service) == ["web", "worker"])
        let web = try #require(snapshots.first)
        #expect(web.provider == "kubernetes" && web.desiredReplicas == 3 && web.replicas.count == 3)
        #expect(web.image?.reference == "local/web:1.4.0")
        // The digest the kubelet reports for `docker.io/local/web:1.4.0` pins the spec's `local/web:1.4.0`.
        #expect(web.image?.digest?.hasPrefix("sha256:") == true)
        #expect(web.state == .degraded && web.health == .unhealthy)
        let crashing = web.replicas.filter { $0.detail?.hasPrefix("CrashLoopBackOff") == true }
        #expect(crashing.count == 1 && crashing.first?.restarts == 6 && crashing.first?.exitCode == 1)
        #expect(crashing.first?.detail == "CrashLoopBackOff, last Error (exit 1)")
        #expect(web.replicas.filter { $0.state == .running && $0.health == .healthy }.count == 2)
        // What `kubectl rollout status` would wait for: the crash-looping pod never becomes available.
        #expect(web.note == "rolling out: 2 of 3 updated replicas available")
        let worker = try #require(snapshots.last)
        #expect(worker.state == .running && worker.health == .healthy && worker.note == nil)
        #expect(worker.replicas.count == 1 && worker.image?.reference == "local/worker:2.0.1")
    }

    @Test func twoClustersListSideBySide() async throws {
        let folder = try ScratchFolder()
        let staging = try FakeKubeAPIServer(seed: """
            {"deployments": [{"name": "web", "namespace": "shop", "replicas": 1, "revisions": ["local/web:1.5.0"]}]}
            """, in: folder)
        let production = try FakeKubeAPIServer(in: folder)
        let sandbox = try KubeSandbox(contexts: [("stage-eu", staging.url), ("prod-eu", production.url)], in: folder)
        let targets = Self.targets("stage-eu", environment: "staging", services: ["web"])
            .merging(Self.targets("prod-eu", environment: "production", services: ["web"])) { first, _ in first }
        let providers = KubernetesProvider.providers(for: targets, runner: LiveCommandRunner(),
                                                     kubeconfig: sandbox.kubeconfig, cacheDirectory: sandbox.cacheDirectory)
        #expect(providers.map(\.endpoint.context) == ["prod-eu", "stage-eu"])
        var versions: [String: String] = [:]
        for provider in providers {
            for snapshot in try await provider.services() {
                versions[snapshot.key.environment] = snapshot.image?.version
            }
        }
        #expect(versions == ["staging": "1.5.0", "production": "1.4.0"])
    }

    @Test func forbiddenPodsDegradeTheRowsWithTheMessage() async throws {
        let folder = try ScratchFolder()
        let server = try FakeKubeAPIServer(options: ["--forbid", "pods"], in: folder)
        let sandbox = try KubeSandbox(contexts: [("prod", server.url)], in: folder)
        let provider = KubernetesProvider(runner: LiveCommandRunner(), endpoint: sandbox.endpoint("prod"),
                                          targets: Self.targets("prod", environment: "production"))
        let snapshots = try await provider.services()
        #expect(snapshots.count == 2)
        for snapshot in snapshots {
            #expect(snapshot.note == "pods unreadable: not allowed to list pods in namespace shop (as dev@example.com)")
            #expect(snapshot.replicas.isEmpty)
        }
        // The deployment's own counters still say how it is: two of three available, one of one.
        #expect(snapshots.map(\.state) == [.degraded, .running])
        // Logs need the pods: they fail in words too.
        do {
            _ = try await provider.logSources(of: ServiceKey(service: "web", environment: "production"), tail: 5)
            Issue.record("listing forbidden pods for logs did not fail")
        } catch let error as KubernetesError {
            #expect(error.kind == .forbidden && error.message == "not allowed to list pods in namespace shop (as dev@example.com)")
        }
    }

    @Test func aServerThatNeverAnswersEndsAtOpsdecksOwnDeadline() async throws {
        let folder = try ScratchFolder()
        let server = try FakeKubeAPIServer(options: ["--hang"], in: folder)
        let sandbox = try KubeSandbox(contexts: [("prod", server.url)], in: folder)
        // kubectl alone retries discovery about six times, each waiting out the 30 s request timeout.
        let provider = KubernetesProvider(runner: LiveCommandRunner(),
                                          endpoint: sandbox.endpoint("prod", deadline: .seconds(2), requestTimeout: .seconds(30)),
                                          targets: Self.targets("prod", environment: "production"))
        let started = ContinuousClock.now
        do {
            _ = try await provider.services()
            Issue.record("a silent server gave a listing")
        } catch let error as KubernetesError {
            #expect(error.kind == .timedOut)
            #expect(error.description == "kubectl got no answer within 2s (context prod, namespace shop)")
        }
        // The timed-out error naming the 2 s deadline is what shows opsdeck's deadline ended it (kubectl
        // on its own would end minutes later, with words of its own). How late after 2 s is not asserted:
        // tests that block the cooperative pool (tmux waits) delay the deadline's timer by tens of seconds.
        #expect(ContinuousClock.now - started >= .seconds(2))
    }
}
