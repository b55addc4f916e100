import Testing
@testable import OpsCore

/// Argo Rollouts read from fixtures the fake API server served to kubectl 1.32 (`rollouts.json`:
/// `cart` healthy, `checkout` paused at its canary pause, and two edited in: `search` aborted,
/// `fresh` with no counters and a generation its controller has not observed).
@Suite struct KubernetesRolloutTests {
    func rollouts() throws -> [String: KubernetesRollout] {
        let parsed = try KubernetesRollout.parse(try KubernetesFixture.bytes("rollouts.json"))
        return Dictionary(uniqueKeysWithValues: parsed.map { ($0.name, $0) })
    }

    @Test func readsStatusWithAStringObservedGenerationAndMissingCounters() throws {
        let byName = try rollouts()
        #expect(byName.keys.sorted() == ["cart", "checkout", "fresh", "search"])
        let checkout = try #require(byName["checkout"])
        #expect(checkout.phase == "Paused" && checkout.pauseReasons == ["CanaryPauseStep"] && checkout.currentStepIndex == 1)
        #expect(checkout.observedGeneration == 2 && checkout.generation == 2 && checkout.revision == 2)
        #expect(checkout.steps == [.setWeight(25), .pause(duration: nil), .setWeight(50), .pause(duration: "1s")])
        #expect(checkout.replicas == 4 && checkout.updatedReplicas == 1 && checkout.desiredReplicas == 4)
        #expect(checkout.isCanaryUnderWay && checkout.indefinitePause(from: 0) == 1 && checkout.indefinitePause(from: 2) == nil)
        let fresh = try #require(byName["fresh"])
        #expect(fresh.observedGeneration == 1 && fresh.replicas == 0 && fresh.readyReplicas == 0 && fresh.availableReplicas == 0)
        #expect(fresh.updatedReplicas == 0 && fresh.currentPodHash == nil && !fresh.isCanaryUnderWay)
        let search = try #require(byName["search"])
        #expect(search.aborted && search.updatedReplicas == 0 && search.isCanaryUnderWay)
    }

    @Test func aNumberObservedGenerationAndGarbageAreReadToo() throws {
        let text = #"{"kind":"Rollout","apiVersion":"argoproj.io/v1alpha1","metadata":{"name":"a","generation":4},"status":{"observedGeneration":4,"replicas":-3,"phase":"Progressing"}}"#
        let rollout = try #require(try KubernetesRollout.parse(Array(text.utf8)).first)
        #expect(rollout.observedGeneration == 4 && rollout.replicas == 0 && rollout.desiredReplicas == 1)
        #expect(throws: DockerOutputError.self) { try KubernetesRollout.parse(Array("{\"items\": 3".utf8)) }
    }

    @Test func verdictsSayWhereEachRolloutStands() throws {
        let byName = try rollouts()
        #expect(KubernetesRolloutVerdict(try #require(byName["cart"])) == KubernetesRolloutVerdict(state: nil, note: nil))
        #expect(KubernetesRolloutVerdict(try #require(byName["checkout"]))
            == KubernetesRolloutVerdict(state: .paused, note: "paused at step 2/4: promote to go on, or abort"))
        #expect(KubernetesRolloutVerdict(try #require(byName["search"])) == KubernetesRolloutVerdict(
            state: .failed, note: "aborted: the stable version runs again; the spec still names the new one: RolloutAborted: Rollout aborted update to revision 3"))
        #expect(KubernetesRolloutVerdict(try #require(byName["fresh"]))
            == KubernetesRolloutVerdict(state: .starting, note: "waiting for the Argo Rollouts controller to observe the new spec"))
    }

    @Test func aPausedCanaryRowShowsBothVersionsAndItsPods() throws {
        let checkout = try #require(try rollouts()["checkout"])
        let pods = try KubernetesPod.parse(try KubernetesFixture.bytes("workload-pods.json")).filter(checkout.owns)
        #expect(pods.count == 4)
        let snapshot = KubernetesRolloutSnapshotBuilder.snapshot(KubernetesFixture.key("checkout"), rollout: checkout, pods: pods,
                                                                 container: nil, podsProblem: nil)
        #expect(snapshot.state == .paused && snapshot.note == "paused at step 2/4: promote to go on, or abort")
        #expect(snapshot.image?.reference == "local/checkout:1.5.0" && snapshot.image?.digest?.hasPrefix("sha256:") == true)
        #expect(snapshot.revisions.map(\.percent) == [75, 25])
        #expect(snapshot.revisions.map { $0.image?.version } == ["1.4.0", "1.5.0"])
        #expect(snapshot.replicas.count == 4 && snapshot.desiredReplicas == 4)

        let unreadable = KubernetesRolloutSnapshotBuilder.snapshot(KubernetesFixture.key("cart"), rollout: try #require(try rollouts()["cart"]),
                                                                   pods: [], container: nil, podsProblem: "not allowed to list pods")
        #expect(unreadable.state == .running && unreadable.note == "pods unreadable: not allowed to list pods")
    }

    @Test func historyComesFromTheRolloutsReplicaSets() throws {
        let checkout = try #require(try rollouts()["checkout"])
        let sets = try KubernetesRolloutReplicaSet.parse(try KubernetesFixture.bytes("rollout-replicasets.json"))
        let releases = KubernetesRolloutReleaseBuilder.releases(of: checkout, replicaSets: sets, container: nil)
        #expect(releases.map(\.id) == ["2", "1"])
        #expect(releases.map(\.version) == ["1.5.0", "1.4.0"])
        #expect(releases.map(\.status) == [.inProgress, .live])
        #expect(releases.map(\.note) == ["1/1 pods ready", "stable · 3/3 pods ready"])
        // The undo template drops the controller's hash label and keeps the rest.
        let template = try #require(sets.first { $0.revision == 1 }?.templateForUndo)
        let labels = template["metadata"]?["labels"]
        #expect(labels?["rollouts-pod-template-hash"] == nil && labels?["app"] == .string("checkout"))
        #expect(template["spec"] == sets.first { $0.revision == 1 }?.template?["spec"])
    }
}
