import Foundation
import Testing
@testable import OpsCore

/// The kubectl outputs in Fixtures/kubernetes (see its README) and the argv the provider runs.
enum KubernetesFixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/kubernetes"),
                               "missing fixture Fixtures/kubernetes/\(name)")
        return Array(try Data(contentsOf: url))
    }

    static func text(_ name: String) throws -> String { String(decoding: try bytes(name), as: UTF8.self) }

    static let webDigest = "sha256:3f5e1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f"
    static let endpoint = KubernetesEndpoint(context: "prod-eu", namespace: "shop")

    static func key(_ service: String, _ environment: String = "production") -> ServiceKey {
        ServiceKey(service: service, environment: environment)
    }

    static func target(_ deployment: String, context: String = "prod-eu", namespace: String = "shop",
                       container: String? = nil) -> KubernetesTarget {
        KubernetesTarget(context: context, namespace: namespace, workload: .deployment(deployment), container: container)
    }
}

/// `kubectl` with the endpoint's flags, as the fake runner expects it.
enum KubectlArgv {
    static func read(_ arguments: [String], context: String = "prod-eu", namespace: String = "shop") -> [String] {
        ["kubectl", "--context", context, "--namespace", namespace, "--request-timeout", "5s"] + arguments
    }

    static func follow(_ arguments: [String]) -> [String] {
        ["kubectl", "--context", "prod-eu", "--namespace", "shop"] + arguments
    }

    static let deployments = read(["get", "deployments", "-o", "json"])
    static let pods = read(["get", "pods", "-o", "json"])
    static let deploymentWeb = read(["get", "deployment", "web", "-o", "json"])
}
