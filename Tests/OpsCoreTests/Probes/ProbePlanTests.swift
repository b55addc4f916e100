import Testing
@testable import OpsCore

@Suite struct ProbePlanTests {
    static let config = """
        environments:
          staging: {}
          production: { protected: true }
        services:
          api:
            base_url: https://api.example.com/
            staging: { provider: docker, container: api-staging, base_url: "https://api.staging.example.com" }
            production: { provider: docker, container: api }
            probes:
              - { name: health, url: /health, interval: 10s, consecutive: 3 }
              - { name: status-page, url: "https://status.example.com/api" }
              - { name: db, tcp: "db.internal:5432" }
              - { name: queue, command: [check-queue, --fast] }
          web:
            production: { provider: docker, container: web, base_url: "https://example.com" }
          worker:
            production: { provider: docker, container: worker }
        """

    static func plan(service: String? = nil, environment: String? = nil) throws -> [Probe] {
        try ProbePlan.probes(in: try ConfigLoader.parse(text: config, file: "opsdeck.yml"), service: service,
                             environment: environment)
    }

    @Test func relativeURLsRunInEveryEnvironmentWithABaseURL() throws {
        let probes = try Self.plan()
        #expect(probes.map(\.id.description) == [
            "api/staging/health", "api/production/health", "api/status-page", "api/db", "api/queue",
            "web/production/health", "web/production/ready",
        ])
        #expect(probes.map(\.target) == [
            "https://api.staging.example.com/health", "https://api.example.com/health", "https://status.example.com/api",
            "tcp db.internal:5432", "command check-queue --fast", "https://example.com/health", "https://example.com/ready",
        ])
        #expect(probes[0].config.interval == .seconds(10))
        #expect(probes[1].config.consecutive == 3)
    }

    @Test func aServiceWithABaseURLAndNoProbesGetsHealthAndReady() throws {
        let web = try Self.plan(service: "web")
        #expect(web.map(\.config.name) == ["health", "ready"])
        #expect(web.allSatisfy { $0.config.interval == ProbeConfig.defaultInterval && $0.config.consecutive == 2 })
        #expect(try Self.plan(service: "worker").isEmpty)
    }

    @Test func anEnvironmentKeepsOnlyItsOwnProbes() throws {
        #expect(try Self.plan(environment: "staging").map(\.id.description) == ["api/staging/health"])
        #expect(try Self.plan(service: "api", environment: "production").map(\.id.description) == ["api/production/health"])
    }

    @Test func unknownNamesAreErrorsThatListTheKnownOnes() {
        #expect(throws: ProbePlan.PlanError.unknownService("billing", known: ["api", "web", "worker"])) {
            try Self.plan(service: "billing")
        }
        #expect(throws: ProbePlan.PlanError.unknownEnvironment("qa", known: ["staging", "production"])) {
            try Self.plan(environment: "qa")
        }
        #expect(ProbePlan.PlanError.unknownEnvironment("qa", known: ["staging", "production"]).description
                == "no environment named qa in the configuration (environments: staging, production)")
    }

    @Test func joinsBaseURLsAndPaths() {
        #expect(ProbePlan.joined("https://x.example.com//", "/health") == "https://x.example.com/health")
        #expect(ProbePlan.joined("https://x.example.com/api", "/ready") == "https://x.example.com/api/ready")
    }
}
