import Testing
@testable import OpsCore

/// A deployment's history from its replica sets.
@Suite struct KubernetesReleaseTests {
    private func web() throws -> KubernetesDeployment {
        try #require(try KubernetesDeployment.parse(try KubernetesFixture.bytes("deployment-web.json")).first)
    }

    @Test func revisionsNewestFirstTheCurrentOneLiveOthersLeftOut() throws {
        let replicaSets = try KubernetesReplicaSet.parse(try KubernetesFixture.bytes("replicasets-web.json"))
        #expect(replicaSets.map(\.ownerDeployment) == ["web", "web", "web-canary"])
        let releases = KubernetesReleaseBuilder.releases(of: try web(), replicaSets: replicaSets, container: nil)
        #expect(releases.map(\.id) == ["7", "6"])
        #expect(releases.map(\.status) == [.live, .superseded])
        #expect(releases.map(\.version) == ["1.4.2", "1.4.1"])
        #expect(releases[0].image == ImageReference("registry.example.com/shop/web:1.4.2"))
        #expect(releases[0].note == "deploy 1.4.2 by opsdeck · 3/3 pods ready")
        #expect(releases[1].note == "deploy 1.4.1 by opsdeck")
        #expect(releases[1].createdAt == DockerFixture.time(2026, 11, 14, 9, 30, 0))
        #expect(releases.allSatisfy { $0.origin == .provider })
    }

    @Test func theLiveRevisionOfAStuckOrMovingRolloutSaysSo() throws {
        let replicaSets = try KubernetesReplicaSet.parse(try KubernetesFixture.bytes("replicasets-web.json"))
        var web = try web()
        web.updatedReplicas = 1
        #expect(KubernetesReleaseBuilder.releases(of: web, replicaSets: replicaSets, container: "web").first?.status == .inProgress)
        web.conditions = [.init(type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded", message: nil)]
        #expect(KubernetesReleaseBuilder.releases(of: web, replicaSets: replicaSets, container: "web").first?.status == .failed)
    }

    @Test func replicaSetsWithoutARevisionAreNotHistory() throws {
        let text = """
        {"kind":"List","items":[
         {"kind":"ReplicaSet","metadata":{"name":"web-1","ownerReferences":[{"kind":"Deployment","name":"web","controller":true}]}},
         {"kind":"ReplicaSet","metadata":{"name":"web-2","annotations":{"deployment.kubernetes.io/revision":"2"},
          "ownerReferences":[{"kind":"Deployment","name":"web","controller":true}]},
          "spec":{"template":{"spec":{"containers":[{"name":"web","image":"r/web@sha256:0123456789abcdef0123"}]}}}}
        ]}
        """
        let releases = KubernetesReleaseBuilder.releases(of: try web(), replicaSets: try KubernetesReplicaSet.parse(Array(text.utf8)),
                                                         container: nil)
        // The deployment says revision 7: none of these is live.
        #expect(releases.map(\.id) == ["2"] && releases[0].status == .superseded && releases[0].version == "r/web@sha256:0123456789abcdef0123")
    }
}
