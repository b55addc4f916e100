import Testing
@testable import OpsCore

/// Pods read from `get pods -o json` and shown as replicas: state, readiness, restarts, why not ready.
@Suite struct KubernetesPodTests {
    private func pods() throws -> [String: KubernetesPod] {
        let parsed = try KubernetesPod.parse(try KubernetesFixture.bytes("pods.json"))
        #expect(parsed.count == 9)
        return Dictionary(uniqueKeysWithValues: parsed.map { ($0.name, $0) })
    }

    private func replica(_ name: String, container: String? = nil) throws -> Replica {
        KubernetesReplicaBuilder.replica(try #require(try pods()[name]), container: container)
    }

    @Test func aReadyPodRunsHealthyWithItsDigest() throws {
        let replica = try replica("web-7c9d8f6b5d-p8m2n", container: "web")
        #expect(replica.state == .running && replica.health == .healthy && replica.detail == "Running")
        #expect(replica.id == "c1a1-0003" && replica.restarts == 0 && replica.exitCode == nil)
        #expect(replica.image == ImageReference("registry.example.com/shop/web:1.4.2", digest: KubernetesFixture.webDigest))
        #expect(replica.startedAt == DockerFixture.time(2026, 11, 28, 14, 3, 5))
    }

    @Test func aRestartedPodSaysHowItLastDied() throws {
        let replica = try replica("web-7c9d8f6b5d-x2k4q")
        #expect(replica.state == .running && replica.restarts == 1)
        #expect(replica.detail == "Running, last Error (exit 1)")
    }

    @Test func crashLoopAfterOOMKilled() throws {
        let replica = try replica("api-5f6d7c8b9a-q4w8z")
        #expect(replica.state == .degraded && replica.restarts == 5 && replica.exitCode == 137)
        #expect(replica.detail == "CrashLoopBackOff, last OOMKilled (exit 137)")
        #expect(replica.health == .unhealthy)
    }

    @Test func anImageThatCannotBePulledFails() throws {
        let replica = try replica("worker-6b7c8d9e0f-r5t6y")
        #expect(replica.state == .failed && replica.detail == "ImagePullBackOff" && replica.health == .none)
        #expect(replica.image == ImageReference("registry.example.com/shop/worker:3.1.0"))
    }

    @Test func podsBelongByTheirReplicaSetNotByALabelTheyShare() throws {
        let deployments = try KubernetesDeployment.parse(try KubernetesFixture.bytes("deployments.json"))
        let web = try #require(deployments.first { $0.name == "web" })
        let mine = try KubernetesPod.parse(try KubernetesFixture.bytes("pods.json")).filter { $0.belongs(to: web) }
        #expect(mine.map(\.name) == ["web-7c9d8f6b5d-p8m2n", "web-7c9d8f6b5d-x2k4q", "web-7c9d8f6b5d-z9r1t"])
    }

    @Test func phasesAndWaitingReasonsInWords() throws {
        let text = """
        {"kind":"List","items":[
         {"kind":"Pod","metadata":{"name":"done"},"status":{"phase":"Succeeded","containerStatuses":[{"name":"a",
           "state":{"terminated":{"exitCode":0,"reason":"Completed"}}}]}},
         {"kind":"Pod","metadata":{"name":"evicted"},"status":{"phase":"Failed","reason":"Evicted"}},
         {"kind":"Pod","metadata":{"name":"going","deletionTimestamp":"2026-11-28T14:00:00Z"},"status":{"phase":"Running"}},
         {"kind":"Pod","metadata":{"name":"nowhere"},"status":{"phase":"Pending","conditions":[{"type":"PodScheduled",
           "status":"False","reason":"Unschedulable","message":"0/3 nodes are available"}]}},
         {"kind":"Pod","metadata":{"name":"creating"},"status":{"phase":"Pending","containerStatuses":[{"name":"a",
           "ready":false,"state":{"waiting":{"reason":"ContainerCreating"}}}]}},
         {"kind":"Pod","metadata":{"name":"two"},"status":{"phase":"Running","containerStatuses":[
           {"name":"app","ready":true,"restartCount":2,"state":{"running":{}}},
           {"name":"sidecar","ready":false,"started":true,"restartCount":3,"state":{"running":{}}}]}},
         {"kind":"Pod","metadata":{"name":"odd"},"status":{"phase":"Gone","containerStatuses":[{"name":"a","imageID":"sha256:abc",
           "restartCount":-9,"state":{"weird":{}},"lastState":{"terminated":{"exitCode":"x"}}},{"noname":1}]}}
        ]}
        """
        let replicas = try KubernetesPod.parse(Array(text.utf8)).map { KubernetesReplicaBuilder.replica($0, container: nil) }
        let byName = Dictionary(uniqueKeysWithValues: replicas.map { ($0.name, $0) })
        #expect(byName["done"]?.state == .stopped && byName["done"]?.detail == "Completed")
        #expect(byName["evicted"]?.state == .failed && byName["evicted"]?.detail == "Evicted")
        #expect(byName["going"]?.state == .stopped && byName["going"]?.detail == "Terminating")
        #expect(byName["nowhere"]?.state == .failed && byName["nowhere"]?.detail == "Unschedulable: 0/3 nodes are available")
        #expect(byName["creating"]?.state == .starting && byName["creating"]?.detail == "ContainerCreating")
        let two = try #require(byName["two"])
        #expect(two.state == .running && two.health == .unhealthy && two.restarts == 5 && two.detail == "sidecar: Running")
        let odd = try #require(byName["odd"])
        #expect(odd.state == .unknown && odd.restarts == 0 && odd.image == nil && odd.exitCode == nil)
        #expect(odd.detail == "Gone, last terminated")
    }
}
