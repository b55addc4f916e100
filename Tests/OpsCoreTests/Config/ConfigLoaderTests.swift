import Testing
@testable import OpsCore

@Suite struct ConfigLoaderTests {
    static let everyKey = """
        journal_path: /var/log/opsdeck/journal.jsonl
        read_only: false
        environments:
          staging:
            read_only: false
            auto_rollback: true
            prometheus: { url: "https://prom.staging.example.com", basic_auth_env: PROM_BASIC }
            docker: { host: "ssh://deploy@staging.example.com" }
            kubernetes: { context: stage-eu, namespace: shop }
          production:
            protected: true
            prometheus:
              url: https://prom.example.com
              bearer_token_env: PROM_TOKEN
            docker: { context: prod }
        services:
          api:
            base_url: https://api.example.com
            staging:    { provider: docker, project: shop-staging, service: api, base_url: "https://api.staging.example.com" }
            production: { provider: docker, project: shop-production, service: api }
            probes:
              - name: health
                url: /health
                method: post
                headers: { Accept: application/json, X-Probe: opsdeck }
                body: '{"deep": true}'
                interval: 1m30s
                timeout: 500ms
                insecure: true
                consecutive: 3
                expect:
                  status: [200, "204-206"]
                  max_ms: 800
                  body_contains: ok
                  json: { "$.status": ok, "$.checks[0].healthy": true, "$['build']['number']": 42, "$.error": null }
                  header: [X-Request-Id]
                  cert_days: 14
              - { name: db, tcp: "db.internal:5432", interval: 10s, timeout: 2s, expect: { max_ms: 100 } }
              - { name: queue, command: [redis-cli, -h, queue, ping] }
              - { name: v6, tcp: "[::1]:6379" }
            metrics:
              error_rate: 'sum(rate(http_requests_total{code=~"5.."}[5m]))'
              p99: { query: "histogram_quantile(0.99, rate(http_duration_seconds_bucket[5m]))", warn: 0.5, critical: 1 }
          worker:
            staging: { provider: docker, container: shop-staging-worker-1, context: other }
            production: { provider: docker, labels: { app: worker, "com.example/tier": batch } }
          k8s:
            staging: { provider: kubernetes, deployment: api, container: app }
            production: { provider: kubernetes, context: prod-eu, namespace: shop, rollout: api }
          db:
            production: { provider: kubernetes, context: prod-eu, namespace: data, statefulset: postgres }
          web:
            staging: { provider: fly, app: web-staging }
            production: { provider: fly, app: web }
        """

    @Test func readsEveryKey() throws {
        let config = try #require(ConfigText.config(Self.everyKey))
        #expect(config.journalPath == "/var/log/opsdeck/journal.jsonl")
        #expect(!config.readOnly)
        #expect(config.environments.map(\.name) == ["staging", "production"])

        let staging = config.environments[0]
        #expect(!staging.protected && !staging.readOnly && staging.autoRollback)
        #expect(staging.prometheus == PrometheusConfig(url: "https://prom.staging.example.com",
                                                      credentials: .basicAuthEnvironment("PROM_BASIC")))
        #expect(staging.docker == DockerEngineDefaults(host: "ssh://deploy@staging.example.com"))
        #expect(staging.kubernetes == KubernetesDefaults(context: "stage-eu", namespace: "shop"))
        let production = config.environments[1]
        #expect(production.protected && !production.autoRollback)
        #expect(production.prometheus?.credentials == .bearerTokenEnvironment("PROM_TOKEN"))
        #expect(production.docker == DockerEngineDefaults(context: "prod"))
        #expect(config.environment(after: "staging")?.name == "production")
        #expect(config.environment(after: "production") == nil)

        #expect(config.services.map(\.name) == ["api", "worker", "k8s", "db", "web"])
        let api = try #require(config.service(named: "api"))
        // The environment's Docker host applies to a target that names no engine of its own.
        #expect(api.target(in: "staging") == .docker(DockerTarget(.compose(project: "shop-staging", service: "api"),
                                                                   host: "ssh://deploy@staging.example.com")))
        #expect(api.target(in: "production") == .docker(DockerTarget(.compose(project: "shop-production", service: "api"),
                                                                      context: "prod")))
        #expect(api.baseURL(in: "staging") == "https://api.staging.example.com")
        #expect(api.baseURL(in: "production") == "https://api.example.com")
        #expect(api.probes.map(\.name) == ["health", "db", "queue", "v6"])

        let health = api.probes[0]
        #expect(health.check == .http(ProbeConfig.HTTPCheck(
            url: "/health", method: "POST", headers: ["Accept": "application/json", "X-Probe": "opsdeck"],
            body: "{\"deep\": true}", insecure: true)))
        #expect(health.interval == .seconds(90))
        #expect(health.timeout == .milliseconds(500))
        #expect(health.consecutive == 3)
        #expect(health.expect.status == [200...200, 204...206])
        #expect(health.expect.accepts(status: 205) && !health.expect.accepts(status: 201))
        #expect(health.expect.maxMilliseconds == 800)
        #expect(health.expect.bodyContains == "ok")
        #expect(health.expect.headers == ["X-Request-Id"])
        #expect(health.expect.certificateDays == 14)
        #expect(health.expect.json == [
            JSONExpectation(path: "$.status", steps: [.key("status")], value: .string("ok")),
            JSONExpectation(path: "$.checks[0].healthy", steps: [.key("checks"), .index(0), .key("healthy")], value: .bool(true)),
            JSONExpectation(path: "$['build']['number']", steps: [.key("build"), .key("number")], value: .number("42")),
            JSONExpectation(path: "$.error", steps: [.key("error")], value: .null),
        ])

        #expect(api.probes[1] == ProbeConfig(name: "db", check: .tcp(host: "db.internal", port: 5432), interval: .seconds(10),
                                             timeout: .seconds(2), expect: ProbeExpectation(maxMilliseconds: 100)))
        #expect(api.probes[2].check == .command(["redis-cli", "-h", "queue", "ping"]))
        #expect(api.probes[2].interval == ProbeConfig.defaultInterval)
        #expect(api.probes[2].timeout == ProbeConfig.defaultTimeout)
        #expect(api.probes[2].consecutive == 2)
        #expect(api.probes[2].expect.status == [200...299])
        #expect(api.probes[3].check == .tcp(host: "::1", port: 6379))

        #expect(api.metrics == [
            MetricConfig(name: "error_rate", query: "sum(rate(http_requests_total{code=~\"5..\"}[5m]))"),
            MetricConfig(name: "p99", query: "histogram_quantile(0.99, rate(http_duration_seconds_bucket[5m]))",
                         warn: 0.5, critical: 1),
        ])

        let worker = try #require(config.service(named: "worker"))
        // A target with an engine of its own does not take the environment's.
        #expect(worker.target(in: "staging") == .docker(DockerTarget(.container("shop-staging-worker-1"), context: "other")))
        #expect(worker.target(in: "production") == .docker(DockerTarget(
            .labels(["app": "worker", "com.example/tier": "batch"]), context: "prod")))

        let k8s = try #require(config.service(named: "k8s"))
        #expect(k8s.target(in: "staging") == .kubernetes(KubernetesTarget(
            context: "stage-eu", namespace: "shop", workload: .deployment("api"), container: "app")))
        guard case .kubernetes(let rollout) = k8s.target(in: "production") else { Issue.record("not kubernetes"); return }
        #expect(rollout.rollout == "api" && rollout.deployment == nil && rollout.context == "prod-eu")
        #expect(config.service(named: "db")?.target(in: "staging") == nil)
        guard case .kubernetes(let postgres) = config.service(named: "db")?.target(in: "production") else { return }
        #expect(postgres.statefulset == "postgres")
        #expect(config.service(named: "web")?.target(in: "production") == .fly(FlyTarget(app: "web")))
    }

    @Test func theDesignDocumentsExampleIsValid() throws {
        let config = try #require(ConfigText.config("""
            environments:
              staging: {}
              production: { protected: true }        # typed confirmation, never auto-anything
            services:
              api:
                staging:    { provider: kubernetes, context: stage-eu, namespace: shop, deployment: api }
                production: { provider: kubernetes, context: prod-eu,  namespace: shop, deployment: api }
                probes:
                  - { name: health, url: "https://api.example.com/health", expect: { status: 200, max_ms: 500, cert_days: 14 } }
                metrics:
                  error_rate: 'sum(rate(http_requests_total{job="api",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="api"}[5m]))'
              web:
                staging:    { provider: fly, app: web-staging }
                production: { provider: fly, app: web }
            """))
        #expect(config.services.map(\.name) == ["api", "web"])
        #expect(config.services[0].probes.first?.expect.status == [200...200])
    }

    @Test func environmentsMayBeEmptyOrNull() throws {
        let config = try #require(ConfigText.config("""
            environments:
              staging:
              production: {}
            read_only: true
            services:
              api: { staging: { provider: fly, app: a } }
            """))
        #expect(config.environments.map(\.name) == ["staging", "production"])
        #expect(config.readOnly)
        #expect(!config.allowsChanges(in: config.environments[0]))
    }

    @Test func namesWithShellMetacharactersAreJustData() throws {
        let config = try #require(ConfigText.config("""
            environments:
              "prod; rm -rf / #": {}
              "$(whoami)`id`": {}
            services:
              "a|b && c > /tmp/x":
                "prod; rm -rf / #": { provider: docker, container: "$(reboot)" }
                "$(whoami)`id`": { provider: kubernetes, context: "'; drop", namespace: "*", deployment: "&" }
            """))
        #expect(config.environments.map(\.name) == ["prod; rm -rf / #", "$(whoami)`id`"])
        let service = try #require(config.services.first)
        #expect(service.name == "a|b && c > /tmp/x")
        #expect(service.target(in: "prod; rm -rf / #") == .docker(DockerTarget(.container("$(reboot)"))))
    }

    @Test func anchorsAndMergeKeysShareSettings() throws {
        let config = try #require(ConfigText.config("""
            environments:
              staging: {}
              production: {}
            services:
              api:
                staging: &api { provider: kubernetes, context: eu, namespace: shop, deployment: api }
                production: { <<: *api, context: prod-eu }
            """))
        guard case .kubernetes(let production) = config.services.first?.target(in: "production") else {
            Issue.record("not kubernetes")
            return
        }
        #expect(production.context == "prod-eu")
        #expect(production.deployment == "api")
    }

    @Test func summariesDescribeTargetsInWords() throws {
        let config = try #require(ConfigText.config(Self.everyKey))
        let words = config.services.flatMap { service in
            config.environments.compactMap { service.target(in: $0.name)?.summary }
        }
        #expect(words == [
            "compose project shop-staging, service api (docker host ssh://deploy@staging.example.com)",
            "compose project shop-production, service api (docker context prod)",
            "container shop-staging-worker-1 (docker context other)",
            "containers labelled app=worker, com.example/tier=batch (docker context prod)",
            "deployment api, container app in namespace shop, context stage-eu",
            "rollout api in namespace shop, context prod-eu",
            "statefulset postgres in namespace data, context prod-eu",
            "app web-staging",
            "app web",
        ])
        #expect(ProviderTarget.fly(FlyTarget(app: "a\u{1B}[2Jb")).summary == "app a\\e[2Jb")
    }

    @Test func theExampleShownToNewUsersIsValid() throws {
        let config = try #require(ConfigText.config(ConfigExample.minimal))
        #expect(config.environments.map(\.name) == ["staging", "production"])
        #expect(config.services.map(\.name) == ["api"])
    }
}
