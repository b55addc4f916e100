import Foundation
import Testing
@testable import OpsCore

@Suite struct MetricPlanTests {
    static let yaml = """
        environments:
          staging:
            prometheus: { url: "http://prometheus.staging:9090", bearer_token_env: PROM_STAGING_TOKEN }
          production:
            prometheus: { url: "https://metrics.example.com/prom", basic_auth_env: PROM_PRODUCTION_AUTH }
          preview: {}
        services:
          api:
            staging: { provider: docker, container: api-staging }
            production: { provider: docker, container: api }
            preview: { provider: docker, container: api-preview }
            metrics:
              error_rate: { query: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))', warn: 0.01, critical: 0.05 }
              latency_p95: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))'
          web:
            production: { provider: docker, container: web }
            metrics:
              availability: { query: 'avg(up{job="web"})', warn: 0.99, critical: 0.9 }
          worker:
            staging: { provider: docker, container: worker }
        """

    static let variables = ["PROM_STAGING_TOKEN": "s3cret", "PROM_PRODUCTION_AUTH": "ops:pa:ss"]

    static func config() throws -> OpsdeckConfig { try #require(ConfigText.config(yaml)) }

    @Test func oneMetricPerServiceEnvironmentWithATargetAndAPrometheus() throws {
        let plan = MetricPlan.metrics(in: try Self.config(), variables: Self.variables)
        #expect(plan.map(\.id.description) == [
            "api/staging/error_rate", "api/staging/latency_p95", "api/production/error_rate", "api/production/latency_p95",
            "web/production/availability",
        ])
        let errorRate = try #require(plan.first)
        #expect(errorRate.config.warn == 0.01 && errorRate.config.critical == 0.05)
        #expect(errorRate.thresholds == MetricThresholds(warn: 0.01, critical: 0.05))
        #expect(errorRate.server == PrometheusServer(url: "http://prometheus.staging:9090", authorization: .bearer(token: "s3cret")))
        #expect(plan[2].server == PrometheusServer(url: "https://metrics.example.com/prom",
                                                   authorization: .basic(user: "ops", password: "pa:ss")))
    }

    @Test func aServiceAndAnEnvironmentNarrowThePlan() throws {
        let config = try Self.config()
        #expect(MetricPlan.metrics(in: config, service: "api", environment: "production", variables: Self.variables)
            .map(\.id.description) == ["api/production/error_rate", "api/production/latency_p95"])
        #expect(MetricPlan.metrics(in: config, service: "web", environment: "staging", variables: Self.variables).isEmpty)
        #expect(MetricPlan.metrics(in: config, service: "nope", variables: Self.variables).isEmpty)
        #expect(MetricPlan.metrics(in: config, environment: "preview", variables: Self.variables).isEmpty)
    }

    @Test func aMissingVariableKeepsTheMetricWithTheProblem() throws {
        let plan = MetricPlan.metrics(in: try Self.config(), variables: [:])
        #expect(plan.count == 5)
        #expect(plan[0].server?.authorization == nil)
        #expect(plan[0].server?.credentialsProblem
                == "environment variable PROM_STAGING_TOKEN is not set (bearer_token_env of environment staging)")
        #expect(plan[2].server?.credentialsProblem
                == "environment variable PROM_PRODUCTION_AUTH is not set (basic_auth_env of environment production)")
    }

    @Test func malformedCredentialsAreProblemsToo() throws {
        let config = try Self.config()
        let empty = MetricPlan.metrics(in: config, variables: ["PROM_STAGING_TOKEN": "", "PROM_PRODUCTION_AUTH": "nocolon"])
        #expect(empty[0].server?.credentialsProblem
                == "environment variable PROM_STAGING_TOKEN is empty (bearer_token_env of environment staging)")
        #expect(empty[2].server?.credentialsProblem == "environment variable PROM_PRODUCTION_AUTH (basic_auth_env of environment "
                + "production) must hold user:password, and has no colon")
        let broken = MetricPlan.metrics(in: config, variables: ["PROM_STAGING_TOKEN": "a\r\nX-Evil: 1"])
        #expect(broken[0].server?.credentialsProblem
                == "environment variable PROM_STAGING_TOKEN holds a line break (bearer_token_env of environment staging)")
        // A trailing newline, as `export TOKEN=$(cat file)` keeps none but an editor may, is dropped.
        let trailing = MetricPlan.metrics(in: config, variables: ["PROM_STAGING_TOKEN": "tok\n"])
        #expect(trailing[0].server?.authorization == .bearer(token: "tok"))
    }

    @Test func descriptionsNeverShowTheSecret() throws {
        let plan = MetricPlan.metrics(in: try Self.config(), variables: Self.variables)
        for metric in plan {
            for text in ["\(metric)", String(describing: metric.server), String(reflecting: metric.server),
                         "\(metric.server?.authorization as Any)"] {
                #expect(!text.contains("s3cret") && !text.contains("pa:ss"), "\(text)")
            }
        }
        #expect("\(plan[2].endpoint)" == "https://metrics.example.com/prom (basic auth as ops)")
    }

    @Test func authorizationHeaderValues() {
        #expect(PrometheusServer.Authorization.bearer(token: "abc").headerValue == "Bearer abc")
        #expect(PrometheusServer.Authorization.basic(user: "ops", password: "pa:ss").headerValue == "Basic b3BzOnBhOnNz")
    }
}
