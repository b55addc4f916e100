import OpsCore
import Testing

/// HEALTHCHECK verdicts and outputs read from the real engine.
@Suite(.enabled(if: DockerEngine.shouldRun, DockerEngine.missing))
struct DockerEngineHealthTests {
    @Test func reportsTheUnhealthyContainersFailingCheck() async throws {
        let scenario = try DockerScenario.get()
        let provider = DockerProvider(discoveringWith: LiveCommandRunner(), endpoint: try DockerEngine.endpoint())
        let results = try await provider.health(of: ServiceKey(service: scenario.sick, environment: "local"))
        let result = try #require(results.first)
        #expect(results.count == 1)
        #expect(result.replica == scenario.sick)
        #expect(result.state == .unhealthy)
        #expect(result.failingStreak >= 2)
        #expect(result.output == "unhealthy: /www/health is missing")
        #expect(result.checkedAt != nil)
    }

    @Test func reportsHealthyComposeServices() async throws {
        let scenario = try DockerScenario.get()
        let provider = DockerProvider(discoveringWith: LiveCommandRunner(), endpoint: try DockerEngine.endpoint())
        let staging = try await provider.health(of: ServiceKey(service: "api", environment: scenario.stagingProject))
        #expect(staging.map(\.state) == [.healthy])
        #expect(staging.map(\.output) == ["ok: version 1.5.0"])
        let production = try await provider.health(of: ServiceKey(service: "worker", environment: scenario.productionProject))
        #expect(production.map(\.output) == ["ok: version 1.4.0"])
        let logger = try await provider.health(of: ServiceKey(service: scenario.logger, environment: "local"))
        #expect(logger == [HealthCheckResult(replica: scenario.logger, state: .none)])
    }

    @Test func readsTheHealthLogDockerInspectKeeps() throws {
        let scenario = try DockerScenario.get()
        let output = try DockerEngine.docker(DockerCommands.inspectContainers([scenario.sick])).stdout
        let health = try #require(try DockerContainerDetails.parse(inspectOutput: output).first?.state.health)
        #expect(health.log.count <= 5 && !health.log.isEmpty)
        #expect(health.log.last?.exitCode == 1)
        // Docker keeps the last runs oldest first.
        let starts = health.log.compactMap(\.start)
        #expect(starts == starts.sorted())
    }
}
