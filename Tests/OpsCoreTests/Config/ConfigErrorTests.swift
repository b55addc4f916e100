import Testing
@testable import OpsCore

/// Every kind of issue, with its exact position and message.
@Suite struct ConfigErrorTests {
    @Test func unknownKeySuggestsTheNearestAndListsTheRest() throws {
        let error = try #require(ConfigText.error("""
            environments:
              staging: {}
            services:
              api:
                staging:
                  provider: kubernetes
                  deploymnet: api
                  context: c
                  namespace: n
            """))
        #expect(error.issues.last?.description == "opsdeck.yml:7:7: unknown key \"deploymnet\" in the kubernetes target of api/staging "
            + "(expected one of: provider, context, namespace, deployment, rollout, statefulset, daemonset, container, base_url; "
            + "did you mean \"deployment\"?)")
        #expect(error.issues.count == 2)
        // The map without a workload is reported where it starts (its first key).
        #expect(error.issues.first?.description == "opsdeck.yml:6:7: the kubernetes target of api/staging names no workload: "
            + "expected deployment, rollout (Argo Rollouts), statefulset or daemonset (both read-only)")
    }

    @Test func unknownKeysEverywhere() {
        let issues = ConfigText.issues("""
            enviroments: {}
            environments:
              staging: { protect: true, docker: { hots: x }, kubernetes: { ns: a }, prometheus: { url: "http://p", tls: 1 } }
            services:
              api:
                staging: { provider: fly, app: a, region: x }
                probse: []
                probes:
                  - { name: h, url: "http://a", expect: { stauts: 200 }, retries: 1 }
                metrics:
                  m: { query: up, warning: 1 }
            """)
        #expect(issues == [
            "1:1: unknown key \"enviroments\" in the top level (expected one of: environments, services, journal_path, read_only, alerts, local; did you mean \"environments\"?)",
            "3:14: unknown key \"protect\" in environment staging (expected one of: protected, read_only, auto_rollback, prometheus, docker, kubernetes, soak, watch; did you mean \"protected\"?)",
            "3:39: unknown key \"hots\" in the docker settings of staging (expected one of: context, host; did you mean \"host\"?)",
            "3:64: unknown key \"ns\" in the kubernetes settings of staging (expected one of: context, namespace)",
            "3:104: unknown key \"tls\" in the prometheus settings of staging (expected one of: url, bearer_token_env, basic_auth_env)",
            "6:39: unknown key \"region\" in the fly target of api/staging (expected one of: provider, app, base_url)",
            "7:5: unknown key \"probse\" in service api (expected one of: staging, probes, metrics, base_url; did you mean \"probes\"?)",
            "9:47: unknown key \"stauts\" in the expectations of probe h of service api (expected one of: status, max_ms, body_contains, json, header, cert_days; did you mean \"status\"?)",
            "9:62: unknown key \"retries\" in probe 1 of service api (expected one of: name, url, tcp, command, method, headers, body, interval, timeout, insecure, expect, consecutive)",
            "11:23: unknown key \"warning\" in metric m of service api (expected one of: query, scrape, scrape_url, warn, critical; did you mean \"warn\"?)",
        ])
    }

    @Test func emptyFile() {
        for text in ["", "\n\n", "# nothing yet\n", "---\n"] {
            #expect(ConfigText.issues(text) == [
                "1:1: the file is empty; expected environments: and services:, e.g. environments: {staging: {}} and services: {api: {staging: {provider: docker, project: shop-staging, service: api}}}",
            ], "\(text.debugDescription)")
        }
    }

    @Test func aFileThatIsAList() {
        #expect(ConfigText.issues("""
            - staging
            - production
            """) == [
            "1:1: expected the file to be a map with the keys environments, services, journal_path, read_only, alerts, local, found a list",
        ])
    }

    @Test func aFileThatIsAScalar() {
        #expect(ConfigText.issues("""
            just text
            """) == [
            "1:1: expected the file to be a map with the keys environments, services, journal_path, read_only, alerts, local, found \"just text\"",
        ])
    }

    @Test func yamlSyntaxErrorsGiveYamsPosition() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
            services:
              api: { staging: { provider: docker, container: a }
            """) == [
            "5:1: not valid YAML: did not find expected ',' or '}' (while parsing a flow mapping at 4:8)",
        ])
    }

    @Test func tabsInIndentation() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
            services:
            \tapi: {}
            """) == [
            "4:1: a tab where YAML allows only spaces (indentation, and after a key's colon); use spaces",
        ])
    }

    @Test func duplicateKeys() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
              staging: { protected: true }
            services:
              api:
                staging: { provider: docker, container: a, container: b }
              api: {}
            """) == [
            "3:3: the key \"staging\" appears twice in one map (first at line 2, column 3)",
            "6:48: the key \"container\" appears twice in one map (first at line 6, column 34)",
            "7:3: the key \"api\" appears twice in one map (first at line 5, column 3)",
        ])
    }

    @Test func topLevelTypesAndMissingSections() {
        #expect(ConfigText.issues("""
            read_only: 1
            journal_path: [a]
            """) == [
            "1:1: no environments: expected environments: with the environments in promotion order, e.g. environments: {staging: {}, production: {protected: true}}",
            "1:1: no services: expected services: with where each service runs in each environment, e.g. services: {api: {staging: {provider: docker, project: shop-staging, service: api}}}",
            "1:12: expected true or false for read_only, found a number (1)",
            "2:15: expected a file path for journal_path, found a list",
        ])
    }

    @Test func sectionsOfTheWrongShape() {
        #expect(ConfigText.issues("""
            environments: [staging, production]
            services: {}
            """) == [
            "1:15: expected a map of environment names to their settings for environments, found a list",
            "2:11: services is empty: name at least one service and where it runs",
        ])
    }

    @Test func emptySections() {
        #expect(ConfigText.issues("""
            environments: {}
            services: []
            """) == [
            "1:15: environments is empty: name at least one environment, e.g. staging: {}",
            "2:11: expected a map of service names to where they run for services, found an empty list",
        ])
    }

    @Test func environmentSettings() {
        #expect(ConfigText.issues("""
            environments:
              probes: {}
              staging: yes
              production: { protected: "true", read_only: yes, auto_rollback: ~ }
              qa: { protected: true, auto_rollback: true }
            services:
              api: { qa: { provider: fly, app: a } }
            """) == [
            "2:3: \"probes\" cannot name an environment: services use probes as a setting",
            "3:12: expected a map of settings (or {} for none) for environment staging, found \"yes\"",
            "4:28: expected true or false for protected in environment production, found \"true\"",
            "4:47: expected true or false for read_only in environment production, found \"yes\"",
            "4:67: expected true or false for auto_rollback in environment production, found nothing",
            "5:26: auto_rollback cannot be true in environment qa: it is protected, and nothing happens by itself in a protected environment",
        ])
    }

    @Test func prometheusAndDockerEngineSettings() {
        #expect(ConfigText.issues("""
            environments:
              a: { prometheus: { bearer_token: abc.def } }
              b: { prometheus: { url: "ftp://x", bearer_token_env: "eyJhbGciOi.secret-value" } }
              c: { prometheus: { url: "https://user:pw@prom", bearer_token_env: A, basic_auth_env: B } }
              d: { prometheus: { url: prom.example.com, password: x } }
              e: { docker: { context: a, host: "tcp://b:2376" } }
              f: { docker: { host: "http://b" } }
              g: { prometheus: [] }
            services:
              api: { a: { provider: fly, app: a } }
            """) == [
            "2:20: the prometheus settings of a need a url, e.g. url: https://prometheus.example.com",
            "2:22: a secret does not belong in this file (it is read, copied and committed): set bearer_token_env to the name of an environment variable that holds the token",
            "3:27: expected an http or https URL for url in the prometheus settings of b, found \"ftp://x\"; e.g. https://api.example.com",
            "3:56: expected the name of an environment variable (letters, digits and _, such as PROMETHEUS_TOKEN) for bearer_token_env in the prometheus settings of b, found a value that is not one (not shown: it may be the secret itself)",
            "4:27: the URL for url in the prometheus settings of c holds a user name or password; secrets do not belong in this file",
            "4:72: the prometheus settings of c have both bearer_token_env and basic_auth_env; give one",
            "5:27: expected an http or https URL for url in the prometheus settings of d, found \"prom.example.com\"; e.g. https://api.example.com",
            "5:45: a secret does not belong in this file (it is read, copied and committed): set basic_auth_env to the name of an environment variable that holds user:password",
            "6:30: give context or host in the docker settings of e, not both: each chooses the Docker engine",
            "7:24: expected a Docker host for host in the docker settings of f, found \"http://b\"; e.g. unix:///var/run/docker.sock, tcp://10.0.0.5:2376 or ssh://deploy@host",
            "8:20: expected a map with url and optionally bearer_token_env or basic_auth_env for the prometheus settings of g, found an empty list",
        ])
    }

    @Test func servicesAndUndeclaredEnvironments() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
              production: {}
            services:
              api:
                stagging: { provider: docker, container: a }
                qa: { provider: docker, container: a }
              web: {}
              worker: [staging]
              "": { staging: { provider: fly, app: a } }
            """) == [
            "6:5: environment \"stagging\" of service api is not declared under environments (declared: staging, production); did you mean \"staging\"?",
            "7:5: environment \"qa\" of service api is not declared under environments (declared: staging, production)",
            "8:3: service web runs nowhere: give it at least one environment (staging, production) with a provider",
            "9:11: expected a map of environments to where the service runs there for service worker, found a list",
            "10:3: a service needs a name",
        ])
    }

    @Test func providers() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
            services:
              a: { staging: docker }
              b: { staging: { container: x } }
              c: { staging: { provider: render, service: x } }
              d: { staging: { provider: kubernets, deployment: x } }
              e: { staging: { provider: [docker] } }
              f: { staging: { provider: cloudrun } }
            """) == [
            "4:17: expected a map with a provider and where the service runs for the staging target of a, found \"docker\"; e.g. { provider: docker, project: shop-staging, service: api }",
            "5:17: the staging target of b has no provider (expected provider: docker, kubernetes, fly, local)",
            "6:29: provider \"render\" in the staging target of c is not supported yet (supported: docker, kubernetes, fly, local)",
            "7:29: unknown provider \"kubernets\" in the staging target of d (expected one of: docker, kubernetes, fly, local; did you mean \"kubernetes\"?)",
            "8:29: expected a provider name for provider in the staging target of e, found a list",
            "9:29: provider \"cloudrun\" in the staging target of f is not supported yet (supported: docker, kubernetes, fly, local)",
        ])
    }

    @Test func dockerTargets() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
            services:
              a: { staging: { provider: docker, project: p } }
              b: { staging: { provider: docker, service: s } }
              c: { staging: { provider: docker, container: c, labels: { a: b } } }
              d: { staging: { provider: docker } }
              e: { staging: { provider: docker, labels: {} } }
              f: { staging: { provider: docker, labels: [a] } }
              g: { staging: { provider: docker, container: c, context: x, host: "unix:///s" } }
              h: { staging: { provider: docker, container: true } }
              i: { staging: { provider: docker, container: c, base_url: "not a url" } }
            """) == [
            "4:37: project needs service too (the compose service's name) in the docker target of a/staging",
            "5:37: service needs project too (the compose project's name) in the docker target of b/staging",
            "6:51: the docker target of c/staging names its containers twice (container and labels); give one of: project with service, container, labels",
            "7:17: the docker target of d/staging does not say which containers: expected project with service (a compose service), container (a container name) or labels (a map of labels)",
            "8:45: expected a map of at least one label to its value for labels in the docker target of e/staging, found an empty map",
            "9:45: expected a map of names to text for labels in the docker target of f/staging, found a list",
            "10:63: give context or host in the docker target of g/staging, not both: each chooses the Docker engine",
            "11:48: expected a container name for container in the docker target of h/staging, found true",
            "12:61: expected an http or https URL for base_url in the docker target of i/staging, found \"not a url\"; e.g. https://api.example.com",
        ])
    }

    @Test func kubernetesAndFlyTargets() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
              production: { kubernetes: { context: prod } }
            services:
              a:
                staging: { provider: kubernetes, namespace: n, deployment: d }
                production: { provider: kubernetes, deployment: d, statefulset: s }
              b: { staging: { provider: fly } }
            """) == [
            "6:14: the kubernetes target of a/staging has no context: set context here, or under environments: staging: kubernetes: (opsdeck never relies on the current context)",
            "7:17: the kubernetes target of a/production has no namespace: set namespace here, or under environments: production: kubernetes: (opsdeck never relies on the current namespace)",
            "7:56: the kubernetes target of a/production names two workloads (deployment and statefulset); give one",
            "8:17: the fly target of b/staging has no app: expected app: with the Fly app's name",
        ])
    }

    @Test func probeChecks() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
              production: {}
            services:
              api:
                staging: { provider: fly, app: a, base_url: "https://a.example.com" }
                production: { provider: fly, app: b }
                probes:
                  - { url: /health }
                  - { name: a, url: /x }
                  - { name: a, tcp: "h:1" }
                  - { name: c }
                  - { name: d, url: "https://x", tcp: "h:1" }
                  - { name: e, url: "http//x" }
                  - { name: f, tcp: "h" }
                  - { name: g, tcp: "h:70000" }
                  - { name: h, tcp: 5432 }
                  - { name: i, command: "pg_isready -h db" }
                  - { name: j, command: [] }
                  - { name: k, command: [a, [b]] }
                  - [a]
            """) == [
            "9:9: probe 1 of service api has no name: expected name: (e.g. health)",
            "9:16: url in probe 1 of service api is a path, and service api has no base_url for production: set base_url on the service or on those targets, or write the whole URL",
            "10:25: url in probe a of service api is a path, and service api has no base_url for production: set base_url on the service or on those targets, or write the whole URL",
            "11:17: a second probe named \"a\" in service api (the first is at line 10, column 17); probe names are unique within a service",
            "12:9: probe c of service api does not say what to check: expected url, tcp or command",
            "13:38: probe d of service api checks both url and tcp; give one of url, tcp or command",
            "14:25: expected an http or https URL for url in probe e of service api, found \"http//x\"; e.g. https://api.example.com",
            "15:25: expected host:port for tcp in probe f of service api, found \"h\"; e.g. db.internal:5432 or [::1]:6379",
            "16:25: expected host:port with a port from 1 to 65535 for tcp in probe g of service api, found \"h:70000\"; e.g. db.internal:5432 or [::1]:6379",
            "17:25: expected host:port for tcp in probe h of service api, found a number (5432); e.g. db.internal:5432 or [::1]:6379",
            "18:29: expected a list of arguments for command in probe i of service api, e.g. [pg_isready, -h, db], found \"pg_isready -h db\": opsdeck runs the program itself, without a shell",
            "19:29: expected a list of text with at least one item for command in probe j of service api, found an empty list",
            "20:33: expected text for item 2 of command in probe k of service api, found a list",
            "21:9: expected a map with a name and one of url, tcp or command for probe 13 of service api, found a list",
        ])
    }

    @Test func probeSettings() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
            services:
              api:
                staging: { provider: fly, app: a }
                probes:
                  - { name: a, url: "https://x", method: FETCH, headers: { "Bad Header": x, Accept: a, accept: b } }
                  - { name: b, tcp: "h:1", method: GET, headers: {}, body: x, insecure: true }
                  - { name: c, url: "https://x", interval: 30, timeout: 1y }
                  - { name: d, url: "https://x", interval: 10s, timeout: 20s }
                  - { name: e, url: "https://x", consecutive: 0, interval: 25h }
                  - { name: f, url: "https://x", insecure: "yes" }
                metrics: [a]
            """) == [
            "7:46: expected one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS for method in probe a of service api, found \"FETCH\"",
            "7:64: \"Bad Header\" in headers of probe a of service api is not a header name (letters, digits and -, e.g. Accept)",
            "7:92: the header \"accept\" appears twice in headers of probe a of service api (header names ignore case)",
            "8:32: method applies only to url probes, and probe b of service api checks tcp",
            "8:45: headers applies only to url probes, and probe b of service api checks tcp",
            "8:58: body applies only to url probes, and probe b of service api checks tcp",
            "8:67: insecure applies only to url probes, and probe b of service api checks tcp",
            "9:48: expected a duration for interval in probe c of service api, found a number (30); a number needs a unit, e.g. 500ms, 30s, 1m or 1h30m (at most 24h)",
            "9:61: expected a duration for timeout in probe c of service api, found \"1y\"; e.g. 500ms, 30s, 1m or 1h30m (at most 24h)",
            "10:62: timeout 20s is longer than interval 10s in probe d of service api: each check must end before the next starts",
            "11:51: expected a whole number from 1 to 100 for consecutive in probe e of service api, found a number (0)",
            "11:64: expected a duration for interval in probe e of service api, found \"25h\"; e.g. 500ms, 30s, 1m or 1h30m (at most 24h)",
            "12:48: expected true or false for insecure in probe f of service api, found \"yes\"",
            "13:14: expected a map of metric names to PromQL queries for metrics in service api, found a list",
        ])
    }

    @Test func expectationsAndMetrics() {
        #expect(ConfigText.issues("""
            environments:
              staging: {}
            services:
              api:
                staging: { provider: fly, app: a }
                probes:
                  - { name: a, url: "https://x", expect: { status: 700 } }
                  - { name: b, url: "https://x", expect: { status: [200, "x"] } }
                  - { name: c, url: "https://x", expect: { status: "300-200", max_ms: [1] } }
                  - { name: d, url: "https://x", expect: { json: { "status": ok, "$.a": [1] } } }
                  - { name: e, url: "http://x", expect: { cert_days: 14, header: X } }
                  - { name: f, tcp: "h:1", expect: { status: 200, max_ms: 5, cert_days: 1 } }
                  - { name: g, url: "https://x", expect: [] }
                  - { name: h, url: "https://x", expect: { json: {} , status: [] } }
                metrics:
                  a: [up]
                  b: { warn: 1 }
                  c: { query: up, warn: high, critical: .inf }
                  d: ""
                  e: ~
            
            """) == [
            "7:56: expected a status code from 100 to 599, a list of them or a range for status in the expectations of probe a of service api, found a number (700); e.g. 200, [200, 204] or \"200-299\"",
            "8:62: expected a status code from 100 to 599, a list of them or a range for status in the expectations of probe b of service api, found \"x\"; e.g. 200, [200, 204] or \"200-299\"",
            "9:56: expected a status code from 100 to 599, a list of them or a range for status in the expectations of probe c of service api, found \"300-200\"; e.g. 200, [200, 204] or \"200-299\"",
            "9:75: expected milliseconds from 1 to 3600000 for max_ms in the expectations of probe c of service api, found a list",
            "10:56: \"status\" in json in the expectations of probe d of service api is not a JSON path: expected $ followed by .key, [\"key\"] or [index] steps, e.g. $.checks[0].status",
            "10:77: expected text, a number, true, false or null for \"$.a\" in json in the expectations of probe d of service api, found a list",
            "11:47: cert_days needs an https url, and probe e of service api checks \"http://x\"",
            "11:70: expected a list of text with at least one item for header in the expectations of probe e of service api, found \"X\"",
            "12:42: status applies only to url probes, and probe f of service api checks tcp (it can expect only max_ms)",
            "12:66: cert_days applies only to url probes, and probe f of service api checks tcp (it can expect only max_ms)",
            "13:46: expected a map of status, max_ms, body_contains, json, header, cert_days for the expectations of probe g of service api, found an empty list",
            "14:54: expected a map of JSON paths to values for json in the expectations of probe h of service api, found an empty map; e.g. {\"$.status\": ok}",
            "14:67: expected a status code from 100 to 599, a list of them or a range for status in the expectations of probe h of service api, found an empty list; e.g. 200, [200, 204] or \"200-299\"",
            "16:10: expected a PromQL query (or a map with query or scrape, warn, critical) for metric a of service api, found a list",
            "17:10: metric b of service api has no query: expected query: with a PromQL expression, or scrape: with a series of the service's /metrics (e.g. scrape: http_error_ratio)",
            "18:29: expected a number for warn in metric c of service api, found \"high\"",
            "18:45: expected a number for critical in metric c of service api, found a number (.inf)",
            "19:10: expected a PromQL query (or a map with query or scrape, warn, critical) for metric d of service api, found \"\"",
            "20:10: expected a PromQL query (or a map with query or scrape, warn, critical) for metric e of service api, found nothing",
        ])
    }

    @Test func nothingHappensByItselfWhereNothingMayChange() {
        #expect(ConfigText.issues("""
            environments:
              a: { read_only: true, auto_rollback: true }
              b: { read_only: true, protected: true, auto_rollback: false }
            services:
              api: { a: { provider: fly, app: x } }
            """) == ["2:25: auto_rollback cannot be true in environment a: it is read-only, so nothing may change there"])
    }

    @Test func everyIssueIsReportedUpToTheLimitThenCounted() throws {
        var text = "environments:\n  staging: {}\nservices:\n"
        for index in 1...30 { text += "  s\(index): { staging: { provider: docker, contaner: x } }\n" }
        let error = try #require(ConfigText.error(text))
        // Each service has two issues (the unknown key, no containers): 60 in all.
        #expect(error.issues.count == ConfigLoader.issueLimit)
        #expect(error.unlisted == 60 - ConfigLoader.issueLimit)
        #expect(error.issues.map(\.line) == (4...13).flatMap { [$0, $0] })
        #expect(error.lines.last == "... and 40 more issues")
        #expect(error.description.split(separator: "\n").count == ConfigLoader.issueLimit + 1)
    }

    @Test func namesFromTheFileReachMessagesWithoutControlCharacters() throws {
        let error = try #require(ConfigText.error("""
            environments:
              "st\\e]0;pwned\\u0007": {}
            services:
              "a\\e[2J": { "st\\e]0;pwned\\u0007": { provider: fly }, "q\\u009b": { provider: fly, app: x } }
            """))
        for issue in error.issues {
            #expect(!issue.message.unicodeScalars.contains { YAMLText.isControl($0) }, "\(issue)")
        }
        #expect(error.issues.map(\.message).contains("the fly target of a\\e[2J/st\\e]0;pwned\\x07 has no app: expected app: with the Fly app's name"))
    }
}
