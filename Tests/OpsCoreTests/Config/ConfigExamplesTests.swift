import Foundation
import Testing
@testable import OpsCore

/// The example configurations in Examples/ are valid and say what their comments say.
@Suite struct ConfigExamplesTests {
    static func examplePath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Config
            .deletingLastPathComponent()  // OpsCoreTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
            .appendingPathComponent("Examples/\(name)").path
    }

    @Test func theDockerExample() throws {
        let config = try ConfigLoader.load(path: Self.examplePath("opsdeck.yml"))
        #expect(config.environments.map(\.name) == ["staging", "production"])
        #expect(config.environments.map(\.protected) == [false, true])
        #expect(config.services.map(\.name) == ["api", "web", "worker"])
        for service in config.services {
            #expect(service.target(in: "staging")
                    == .docker(DockerTarget(.compose(project: "shop-staging", service: service.name),
                                            host: "ssh://deploy@staging.shop.example.com")))
        }
        #expect(config.service(named: "api")?.target(in: "production")
                == .docker(DockerTarget(.compose(project: "shop-production", service: "api"), context: "shop-production")))
        #expect(config.service(named: "worker")?.target(in: "production")
                == .docker(DockerTarget(.labels(["com.shop.role": "worker", "com.shop.env": "production"]),
                                        context: "shop-production")))
        // The merged probe defaults reach the probes that merge them, and only those.
        let api = try #require(config.service(named: "api"))
        #expect(api.probes.map(\.timeout) == [.seconds(5), ProbeConfig.defaultTimeout])
        #expect(config.service(named: "web")?.probes.first?.timeout == .seconds(5))
        #expect(config.service(named: "web")?.metrics == [
            MetricConfig(name: "error_ratio", scrape: .value(ScrapeSelector(name: "http_error_ratio")), warn: 0.05, critical: 0.2),
            MetricConfig(name: "rps", scrape: .rate(ScrapeSelector(name: "http_requests_total"))),
        ])
    }

    @Test func theKubernetesExample() throws {
        let config = try ConfigLoader.load(path: Self.examplePath("opsdeck-kubernetes.yml"))
        #expect(config.services.map(\.name) == ["api", "checkout", "postgres", "web"])
        let checkout = try #require(config.service(named: "checkout"))
        #expect(checkout.target(in: "production") == .kubernetes(KubernetesTarget(
            context: "prod-eu", namespace: "shop", workload: .rollout("checkout"), container: "app")))
        #expect(config.service(named: "postgres")?.target(in: "production") == .kubernetes(KubernetesTarget(
            context: "prod-eu", namespace: "data", workload: .statefulset("postgres"))))
        #expect(config.service(named: "web")?.target(in: "staging") == .fly(FlyTarget(app: "web-staging")))
    }
}
