import Testing
@testable import OpsCore

/// `scrape:` metrics: a series of the service's own /metrics, next to PromQL `query:` metrics.
@Suite struct ConfigScrapeMetricsTests {
    @Test func scrapeMetricsReadBesideQueries() throws {
        let config = try #require(ConfigText.config("""
            environments:
              staging: { prometheus: { url: "http://prometheus:9090" } }
              production: {}
            services:
              api:
                staging: { provider: fly, app: api-staging, base_url: "http://127.0.0.1:8081" }
                production: { provider: fly, app: api, base_url: "http://127.0.0.1:8082/" }
                metrics:
                  error_rate: { scrape: http_error_ratio, warn: 0.05, critical: 0.2 }
                  rps: { scrape: rate(http_requests_total) }
                  failures: { scrape: 'rate(http_requests_total{status="500"})', scrape_url: /internal/metrics }
                  elsewhere: { scrape: up, scrape_url: "http://127.0.0.1:9100/metrics" }
                  p99: 'histogram_quantile(0.99, rate(x_bucket[5m]))'
            """))
        let api = try #require(config.services.first)
        #expect(api.metrics == [
            MetricConfig(name: "error_rate", scrape: .value(ScrapeSelector(name: "http_error_ratio")), warn: 0.05, critical: 0.2),
            MetricConfig(name: "rps", scrape: .rate(ScrapeSelector(name: "http_requests_total"))),
            MetricConfig(name: "failures", scrape: .rate(ScrapeSelector(name: "http_requests_total",
                                                                        matchers: [.init(label: "status", value: "500")])),
                         url: "/internal/metrics"),
            MetricConfig(name: "elsewhere", scrape: .value(ScrapeSelector(name: "up")), url: "http://127.0.0.1:9100/metrics"),
            MetricConfig(name: "p99", query: "histogram_quantile(0.99, rate(x_bucket[5m]))"),
        ])
        // Scraped metrics need no Prometheus: production has none, and reads them all the same.
        let plan = MetricPlan.metrics(in: config, variables: [:])
        #expect(plan.map(\.id.description) == [
            "api/staging/error_rate", "api/staging/rps", "api/staging/failures", "api/staging/elsewhere", "api/staging/p99",
            "api/production/error_rate", "api/production/rps", "api/production/failures", "api/production/elsewhere",
        ])
        #expect(plan.map(\.endpoint.description) == [
            "http://127.0.0.1:8081/metrics", "http://127.0.0.1:8081/metrics", "http://127.0.0.1:8081/internal/metrics",
            "http://127.0.0.1:9100/metrics", "http://prometheus:9090",
            "http://127.0.0.1:8082/metrics", "http://127.0.0.1:8082/metrics", "http://127.0.0.1:8082/internal/metrics",
            "http://127.0.0.1:9100/metrics",
        ])
        #expect(plan[0].server == nil && plan[4].server == PrometheusServer(url: "http://prometheus:9090"))
    }

    @Test func mistakesAreSaidWithTheirPlace() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
              production: {}
            services:
              api:
                staging: { provider: fly, app: a, base_url: "http://127.0.0.1:1" }
                production: { provider: fly, app: b }
                metrics:
                  both: { query: up, scrape: up }
                  regex: { scrape: 'x{code=~"5.."}' }
                  promql: { scrape: 'sum(rate(x[5m]))' }
                  empty: { scrape: "" }
                  no_base: { scrape: up }
                  no_base_path: { scrape: up, scrape_url: /m }
                  bad_url: { scrape: up, scrape_url: "ftp://x" }
                  misplaced: { query: up, scrape_url: /m }
            """) == [
            "9:26: metric both of service api has both query and scrape; give query: for PromQL to a Prometheus, or scrape: for a series of the service's own metrics page",
            "10:24: scrape in metric regex of service api: expected = or != after label code (regular expressions need a Prometheus)",
            "11:25: scrape in metric promql of service api: unexpected \"(rate(x[5m]))\" after sum: expected a series (name{label=\"value\"}) or rate(series); other PromQL needs a Prometheus (query:)",
            "12:24: expected a series of the metrics page (name, name{label=\"value\"} or rate(name)) for scrape in metric empty of service api, found \"\"",
            "13:26: metric no_base of service api scrapes /metrics, and service api has no base_url for production: set base_url on the service or on those targets, or give scrape_url as a whole URL",
            "14:47: metric no_base_path of service api scrapes /m, and service api has no base_url for production: set base_url on the service or on those targets, or give scrape_url as a whole URL",
            "15:42: expected an http or https URL for scrape_url in metric bad_url of service api, found \"ftp://x\"; e.g. https://api.example.com",
            "16:31: scrape_url applies only to scrape metrics, and metric misplaced of service api has a query",
        ])
    }
}
