import Testing
@testable import OpsCore

/// StatefulSets and DaemonSets, listed read-only, from fixtures the fake API server served to
/// kubectl 1.32 (`db`: 2 replicas, one not ready; `agent`: 3 nodes, one not ready).
@Suite struct KubernetesWorkloadSetTests {
    @Test func statefulSetCountersAndRow() throws {
        let sets = try KubernetesWorkloadSet.parse(try KubernetesFixture.bytes("statefulsets.json"), kind: .statefulSet)
        let db = try #require(sets.first)
        #expect(sets.count == 1 && db.name == "db" && db.kind == .statefulSet)
        #expect(db.desired == 2 && db.ready == 1 && db.updated == 2 && db.available == 1)
        #expect(db.currentRevision != nil && db.currentRevision == db.updateRevision)
        let pods = try KubernetesPod.parse(try KubernetesFixture.bytes("workload-pods.json")).filter(db.selects)
        #expect(pods.map(\.name) == ["db-0", "db-1"])
        let row = KubernetesWorkloadSnapshotBuilder.snapshot(KubernetesFixture.key("db"), workload: db, pods: pods, container: nil,
                                                             podsProblem: nil)
        #expect(row.note == "read-only StatefulSet · 1 of 2 ready")
        #expect(row.state == .running && row.health == .unhealthy)
        #expect(row.image?.reference == "local/db:16" && row.image?.digest?.hasPrefix("sha256:") == true)
    }

    @Test func daemonSetCountersAndRow() throws {
        let sets = try KubernetesWorkloadSet.parse(try KubernetesFixture.bytes("daemonsets.json"), kind: .daemonSet)
        let agent = try #require(sets.first)
        #expect(agent.desired == 3 && agent.ready == 2 && agent.updated == 3 && agent.available == 2 && agent.misscheduled == 0)
        let pods = try KubernetesPod.parse(try KubernetesFixture.bytes("workload-pods.json")).filter(agent.selects)
        #expect(pods.count == 3)
        let row = KubernetesWorkloadSnapshotBuilder.snapshot(KubernetesFixture.key("agent"), workload: agent, pods: pods,
                                                             container: nil, podsProblem: nil)
        #expect(row.note == "read-only DaemonSet · 2 of 3 ready" && row.desiredReplicas == 3)
    }

    @Test func missingCountersAreZeroAndARollingUpdateShows() throws {
        let text = #"""
            {"kind":"DaemonSetList","apiVersion":"apps/v1","items":[{"kind":"DaemonSet","metadata":{"name":"log","generation":2},
             "status":{"desiredNumberScheduled":4,"numberMisscheduled":1,"observedGeneration":2}}]}
            """#
        let log = try #require(try KubernetesWorkloadSet.parse(Array(text.utf8), kind: .daemonSet).first)
        #expect(log.ready == 0 && log.updated == 0 && log.available == 0 && log.misscheduled == 1)
        let row = KubernetesWorkloadSnapshotBuilder.snapshot(KubernetesFixture.key("log"), workload: log, pods: [], container: nil,
                                                             podsProblem: "not allowed to list pods")
        #expect(row.note == "read-only DaemonSet · 0 of 4 ready · updating: 0 of 4 on the new revision · 1 on nodes that should not run it · pods unreadable: not allowed to list pods")
        #expect(row.state == .starting)
        let rolling = #"{"kind":"StatefulSet","metadata":{"name":"db","generation":3},"spec":{"replicas":3},"status":{"observedGeneration":3,"replicas":3,"readyReplicas":3,"updatedReplicas":1,"currentRevision":"db-a","updateRevision":"db-b"}}"#
        let db = try #require(try KubernetesWorkloadSet.parse(Array(rolling.utf8), kind: .statefulSet).first)
        #expect(KubernetesWorkloadSnapshotBuilder.note(db, podsProblem: nil)
            == "read-only StatefulSet · 3 of 3 ready · updating: 1 of 3 on the new revision")
    }

    @Test func podsOfADeploymentAreNeverAStatefulSets() throws {
        let text = #"{"kind":"StatefulSet","metadata":{"name":"web"},"spec":{"selector":{"matchLabels":{"app":"web"}}}}"#
        let web = try #require(try KubernetesWorkloadSet.parse(Array(text.utf8), kind: .statefulSet).first)
        let pods = try KubernetesPod.parse(try KubernetesFixture.bytes("pods.json"))
        #expect(pods.contains { $0.labels["app"] == "web" } && !pods.contains(where: web.selects))
    }
}
