import Foundation
import OpsCore
import Testing

/// A deployment's history and its pods' logs through the real kubectl: the revisions the fake's
/// controller keeps as ReplicaSets, growing when kubectl changes the image or rolls back, and the
/// followed logs of every pod merged into one stream.
@Suite(.enabled(if: KubeTools.shouldRun, KubeTools.missing))
struct KubernetesHistoryLogsTests {
    static let seed = """
        {"deployments": [{"name": "web", "namespace": "shop", "replicas": 2,
          "revisions": [{"image": "local/web:1.3.0", "changeCause": "deploy 1.3.0"},
                        {"image": "local/web:1.4.0", "changeCause": "deploy 1.4.0"}]}]}
        """
    static let key = ServiceKey(service: "web", environment: "production")

    static func provider(_ sandbox: KubeSandbox) -> KubernetesProvider {
        KubernetesProvider(runner: LiveCommandRunner(), endpoint: sandbox.endpoint("prod"),
                           targets: [key: KubernetesTarget(context: "prod", namespace: "shop", workload: .deployment("web"))])
    }

    /// (revision, version, status, note) of each release, newest first.
    static func summary(_ releases: [Release]) -> [String] {
        releases.map { "\($0.id) \($0.version) \($0.status) \($0.note ?? "-")" }
    }

    @Test func historyGrowsWithASetImageAndARollback() async throws {
        let folder = try ScratchFolder()
        let server = try FakeKubeAPIServer(seed: Self.seed, in: folder)
        let sandbox = try KubeSandbox(contexts: [("prod", server.url)], in: folder)
        let provider = Self.provider(sandbox)
        #expect(Self.summary(try await provider.releases(of: Self.key))
            == ["2 1.4.0 live deploy 1.4.0 · 2/2 pods ready", "1 1.3.0 superseded deploy 1.3.0"])

        // A deploy as kubectl makes it: the image, then the cause, which the controller copies onto
        // the new ReplicaSet (written first, it would land on the live one too); the rollout finishes.
        #expect(try sandbox.kubectl("prod", ["set", "image", "deployment/web", "web=local/web:1.5.0"])
            == "deployment.apps/web image updated\n")
        try sandbox.kubectl("prod", ["annotate", "deployment/web", "kubernetes.io/change-cause=deploy 1.5.0", "--overwrite"])
        #expect(try sandbox.kubectl("prod", ["rollout", "status", "deployment/web", "--timeout=20s"])
            .hasSuffix("deployment \"web\" successfully rolled out\n"))
        #expect(Self.summary(try await provider.releases(of: Self.key))
            == ["3 1.5.0 live deploy 1.5.0 · 2/2 pods ready", "2 1.4.0 superseded deploy 1.4.0",
                "1 1.3.0 superseded deploy 1.3.0"])

        // A rollback reuses revision 1's ReplicaSet under the next number, with its own cause.
        #expect(try sandbox.kubectl("prod", ["rollout", "undo", "deployment/web", "--to-revision=1"])
            == "deployment.apps/web rolled back\n")
        try sandbox.kubectl("prod", ["rollout", "status", "deployment/web", "--timeout=20s"])
        #expect(Self.summary(try await provider.releases(of: Self.key))
            == ["4 1.3.0 live deploy 1.3.0 · 2/2 pods ready", "3 1.5.0 superseded deploy 1.5.0",
                "2 1.4.0 superseded deploy 1.4.0"])
        let snapshot = try #require(try await provider.services().first)
        #expect(snapshot.image?.version == "1.3.0" && snapshot.state == .running && snapshot.replicas.count == 2)
        #expect(try sandbox.kubectl("prod", ["rollout", "history", "deployment/web"]).contains("4         deploy 1.3.0"))
    }

    @Test func followsTheLogsOfEveryPodMergedByTime() async throws {
        let folder = try ScratchFolder()
        let server = try FakeKubeAPIServer(in: folder)
        let sandbox = try KubeSandbox(contexts: [("prod", server.url)], in: folder)
        let provider = KubernetesProvider(runner: LiveCommandRunner(), endpoint: sandbox.endpoint("prod"),
                                          targets: KubernetesListingTests.targets("prod", environment: "production"))
        let sources = try await provider.logSources(of: ServiceKey(service: "web", environment: "production"), tail: 2)
        #expect(sources.count == 3 && sources.allSatisfy { $0.command.isLongRunning && $0.name.hasPrefix("web-") })

        let received = LockedValue<[LogRecord]>([])
        let follower = ServiceLogFollower(runner: LiveCommandRunner(), sources: sources, timestamps: TimestampParser(
            latestAccepted: LogTimestamp(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 + 86_400) * 1_000_000_000)))
        let following = Task { await follower.run(deliver: { records in received.withLock { $0 += records } }, status: { _ in }) }
        defer { following.cancel() }
        // Lines written after the follow began (more than the two of `--tail` each) from both running pods.
        let deadline = ContinuousClock.now + .seconds(20)
        func followedPods() -> Set<String> {
            let bySource = Dictionary(grouping: received.value.compactMap(\.source)) { $0 }
            return Set(bySource.filter { $0.value.count >= 4 }.keys)
        }
        while followedPods().count < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        following.cancel()
        let records = received.value
        #expect(followedPods().count == 2, "records: \(records.map { "\($0.source ?? "?") \($0.message)" })")
        #expect(records.contains { $0.level == .fatal && $0.message == "cannot connect to database: connection refused" })
        // The kubelet's stamps (or the records' own times) survive as record times.
        #expect(records.allSatisfy { $0.time != nil })
        #expect(records.allSatisfy { $0.source?.contains("web-") == true })
    }
}
