import Foundation
import Testing
@testable import OpsCore

/// Deployments read from `get deployments -o json`, and the rollout verdict of each.
@Suite struct KubernetesDeploymentTests {
    private func deployments() throws -> [String: KubernetesDeployment] {
        let parsed = try KubernetesDeployment.parse(try KubernetesFixture.bytes("deployments.json"))
        #expect(parsed.map(\.name) == ["api", "idle", "web", "worker"])
        return Dictionary(uniqueKeysWithValues: parsed.map { ($0.name, $0) })
    }

    @Test func readsSpecStatusAndAnnotations() throws {
        let web = try #require(try deployments()["web"])
        #expect(web.revision == 7 && web.changeCause == "deploy 1.4.2 by opsdeck")
        #expect(web.containers == [.init(name: "web", image: "registry.example.com/shop/web:1.4.2")])
        #expect(web.desiredReplicas == 3 && web.readyReplicas == 3 && web.availableReplicas == 3 && web.updatedReplicas == 3)
        #expect(web.labelSelector == "app=web")
        #expect(KubernetesRolloutProgress(web) == .complete && KubernetesRolloutProgress.note(web) == nil)
    }

    @Test func omittedCountersAreZero() throws {
        let idle = try #require(try deployments()["idle"])
        #expect(idle.desiredReplicas == 0 && idle.replicas == 0 && idle.readyReplicas == 0 && idle.availableReplicas == 0)
        #expect(KubernetesRolloutProgress(idle) == .complete)
    }

    @Test func aDeadlineExceededRolloutIsStuckWithTheControllersWords() throws {
        let worker = try #require(try deployments()["worker"])
        #expect(KubernetesRolloutProgress(worker)
            == .stuck("rollout stuck (ProgressDeadlineExceeded): ReplicaSet \"worker-6b7c8d9e0f\" has timed out progressing."))
    }

    @Test func anUnavailableDeploymentSaysSo() throws {
        let api = try #require(try deployments()["api"])
        #expect(KubernetesRolloutProgress(api) == .progressing("rolling out: 1 of 2 updated replicas available"))
    }

    @Test func progressFollowsTheRolloutStatusRule() throws {
        var web = try #require(try deployments()["web"])
        web.observedGeneration = 2
        #expect(KubernetesRolloutProgress(web) == .progressing("waiting for the new spec to be observed"))
        web.observedGeneration = 3
        web.updatedReplicas = 1
        #expect(KubernetesRolloutProgress(web) == .progressing("rolling out: 1 of 3 new replicas updated"))
        web.updatedReplicas = 3
        web.replicas = 4
        #expect(KubernetesRolloutProgress(web) == .progressing("rolling out: 1 old replicas pending termination"))
        web.paused = true
        #expect(KubernetesRolloutProgress(web) == .paused && KubernetesRolloutProgress.note(web) == "rollout paused")
    }

    @Test func aSingleObjectAnswerIsOneDeployment() throws {
        let parsed = try KubernetesDeployment.parse(try KubernetesFixture.bytes("deployment-web.json"))
        #expect(parsed.map(\.name) == ["web"])
    }

    @Test func hostileAndMissingValuesNeverCrash() throws {
        let text = """
        {"kind":"List","items":[
          {"kind":"Deployment","metadata":{"name":"a","annotations":{"deployment.kubernetes.io/revision":"x7"}},
           "spec":{"replicas":-4,"template":{"spec":{"containers":[{"name":"c"},{"image":"no-name"},7]}}},
           "status":{"replicas":99999999999999999999999,"readyReplicas":"3","availableReplicas":-2,"conditions":[{"status":"False"},"x"]}},
          {"kind":"Deployment","metadata":{}},
          {"kind":"Deployment"}
        ]}
        """
        let parsed = try KubernetesDeployment.parse(Array(text.utf8))
        #expect(parsed.count == 1)
        let a = parsed[0]
        #expect(a.revision == nil && a.desiredReplicas == 0 && a.replicas == 0 && a.readyReplicas == 0 && a.availableReplicas == 0)
        #expect(a.containers == [.init(name: "c", image: "")] && a.conditions.isEmpty && a.labelSelector == nil)
        #expect(KubernetesRolloutProgress(a) == .complete)
    }

    @Test func malformedOrForeignOutputIsAnErrorNamingTheCommand() throws {
        #expect(throws: DockerOutputError.self) { try KubernetesDeployment.parse(Array("{\"kind\":\"List\",\"items\":[".utf8)) }
        #expect(throws: DockerOutputError.self) { try KubernetesDeployment.parse(Array("[1,2]".utf8)) }
        #expect(throws: DockerOutputError.self) { try KubernetesDeployment.parse(Array("{\"items\":[3]}".utf8)) }
        #expect(throws: DockerOutputError.self) { try KubernetesDeployment.parse([]) }
        do {
            _ = try KubernetesDeployment.parse(Array("No resources found in shop namespace.".utf8))
            Issue.record("prose parsed as JSON")
        } catch {
            #expect(error.description.hasPrefix("`kubectl get deployments` printed output opsdeck cannot read"))
        }
    }

    @Test func aHugeListParses() throws {
        let web = try KubernetesFixture.text("deployment-web.json")
        let items = (0..<2000).map { web.replacingOccurrences(of: "\"name\": \"web\",", with: "\"name\": \"web-\($0)\",") }
        let list = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[" + items.joined(separator: ",") + "]}"
        let parsed = try KubernetesDeployment.parse(Array(list.utf8))
        #expect(parsed.count == 2000 && parsed.last?.name == "web-1999" && parsed.allSatisfy { $0.readyReplicas == 3 })
    }
}
