import Testing
@testable import OpsCore

/// The index of pods by deployment gives every deployment exactly what `belongs(to:)` accepts.
@Suite struct KubernetesPodIndexTests {
    @Test func agreesWithBelongsForEveryFixtureDeployment() throws {
        let deployments = try KubernetesDeployment.parse(try KubernetesFixture.bytes("deployments.json"))
        let pods = try KubernetesPod.parse(try KubernetesFixture.bytes("pods.json"))
        let index = KubernetesPodIndex(pods)
        #expect(!deployments.isEmpty)
        for deployment in deployments {
            #expect(index.pods(of: deployment).map(\.name) == pods.filter { $0.belongs(to: deployment) }.map(\.name),
                    "deployment \(deployment.name)")
        }
    }

    @Test func unlinkedPodsGoByLabelsAndForeignOwnersToNobody() throws {
        let deployments = try KubernetesDeployment.parse(Array("""
            {"kind":"List","items":[
             {"kind":"Deployment","metadata":{"name":"web"},"spec":{"selector":{"matchLabels":{"app":"web"}}}},
             {"kind":"Deployment","metadata":{"name":"web-api"},"spec":{"selector":{"matchLabels":{"app":"api"}}}}]}
            """.utf8))
        func pod(_ name: String, owner: String?, hash: String?, app: String) -> String {
            let labels = ["\"app\":\"\(app)\""] + (hash.map { ["\"pod-template-hash\":\"\($0)\""] } ?? [])
            let owners = owner.map { ",\"ownerReferences\":[{\"kind\":\"ReplicaSet\",\"name\":\"\($0)\",\"controller\":true}]" } ?? ""
            return "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"\(name)\",\"labels\":{\(labels.joined(separator: ","))}\(owners)}}"
        }
        let pods = try KubernetesPod.parse(Array("""
            {"kind":"List","items":[
             \(pod("web-abc-1", owner: "web-abc", hash: "abc", app: "web")),
             \(pod("web-api-def-1", owner: "web-api-def", hash: "def", app: "api")),
             \(pod("bare", owner: nil, hash: nil, app: "web")),
             \(pod("adopted", owner: "other-xyz", hash: "abc", app: "web")),
             \(pod("hashless", owner: "web-abc", hash: nil, app: "api"))]}
            """.utf8))
        let index = KubernetesPodIndex(pods)
        for deployment in deployments {
            #expect(index.pods(of: deployment).map(\.name) == pods.filter { $0.belongs(to: deployment) }.map(\.name))
        }
        #expect(index.pods(of: deployments[0]).map(\.name) == ["web-abc-1", "bare"])
        #expect(index.pods(of: deployments[1]).map(\.name) == ["web-api-def-1", "hashless"])
    }
}
