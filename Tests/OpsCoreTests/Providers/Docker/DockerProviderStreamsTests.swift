import Testing
@testable import OpsCore

/// Logs, health and change watching: the commands the provider hands out and what it reads.
@Suite struct DockerProviderStreamsTests {
    private func discovery(inspecting ids: [String]) throws -> (DockerProvider, FakeCommandRunner) {
        let runner = FakeCommandRunner()
        runner.expect(DockerArgv.ps, stdout: try DockerFixture.text("ps.ndjson"))
        runner.expect(DockerArgv.inspect(ids), stdout: try DockerFixture.text("inspect.json"))
        return (DockerProvider(discoveringWith: runner), runner)
    }

    @Test func followsEachContainersLogsByName() async throws {
        let (provider, runner) = try discovery(inspecting: [DockerFixture.stagingAPI])
        let sources = try await provider.logSources(of: ServiceKey(service: "api", environment: "fx-staging"), tail: 200)
        #expect(runner.pending.isEmpty)
        #expect(sources.map(\.name) == ["fx-staging_api_1"])
        let command = try #require(sources.first?.command)
        #expect(command.argv == ["docker", "logs", "-f", "--timestamps", "--tail", "200", "fx-staging_api_1"])
        #expect(command.isLongRunning)
    }

    @Test func namesAContainerByIDWhenItsNameCouldReadAsAFlag() async throws {
        let runner = FakeCommandRunner()
        let endpoint = DockerEndpoint(host: "unix:///run/user/1000/docker.sock")
        runner.expect(DockerArgv.ps, stdout: #"{"ID":"0123456789ab","Names":"-rf"}"#)
        runner.expect(DockerArgv.inspect(["0123456789ab"]), stdout: #"[{"Id":"0123456789ab","Name":"/-rf","State":{"Status":"running"}}]"#)
        let provider = DockerProvider(runner: runner, endpoint: endpoint,
                                      targets: [ServiceKey(service: "x", environment: "y"): DockerTarget(.container("-rf"))])
        let sources = try await provider.logSources(of: ServiceKey(service: "x", environment: "y"), tail: -5)
        #expect(sources.map(\.name) == ["-rf"])
        #expect(sources.first?.command.arguments == ["logs", "-f", "--timestamps", "--tail", "0", "0123456789ab"])
        #expect(sources.first?.command.environment == ["DOCKER_HOST": "unix:///run/user/1000/docker.sock"])
    }

    @Test func reportsTheLastHealthcheckRun() async throws {
        let (provider, _) = try discovery(inspecting: [DockerFixture.sick])
        let results = try await provider.health(of: ServiceKey(service: "fx-sick", environment: "local"))
        #expect(results == [HealthCheckResult(replica: "fx-sick", state: .unhealthy, failingStreak: 2,
                                              output: "unhealthy: /www/health is missing",
                                              checkedAt: DockerFixture.time(2026, 11, 29, 4, 31, 4, nanoseconds: 292_420_129))])
    }

    @Test func reportsNoVerdictForContainersWithoutACheckOrNotUp() async throws {
        let (logger, _) = try discovery(inspecting: [DockerFixture.logger])
        #expect(try await logger.health(of: ServiceKey(service: "fx-logger", environment: "local"))
            == [HealthCheckResult(replica: "fx-logger", state: .none)])
        let (stopped, _) = try discovery(inspecting: [DockerFixture.stopped])
        #expect(try await stopped.health(of: ServiceKey(service: "fx-stopped", environment: "local"))
            == [HealthCheckResult(replica: "fx-stopped", state: .none)])
    }

    @Test func passesHealthOutputOnRawForTheViewToSanitise() async throws {
        let (provider, _) = try discovery(inspecting: [DockerFixture.hostile])
        let results = try await provider.health(of: ServiceKey(service: DockerFixture.hostileService, environment: "fx-hostile"))
        #expect(results.map(\.output) == ["\u{1B}[31mred\u{1B}[0m \u{1B}]0;pwned\u{07} ok"])
        #expect(results.map(\.state) == [.healthy])
    }

    @Test func watchesContainerEventsWithoutExecNoise() throws {
        let provider = DockerProvider(runner: FakeCommandRunner(), endpoint: DockerEndpoint(context: "stage"), targets: [:])
        let command = provider.changeCommand
        #expect(command.argv == ["docker", "--context", "stage", "events", "--format", "{{json .}}",
                                 "--filter", "type=container",
                                 "--filter", "event=create", "--filter", "event=start", "--filter", "event=restart",
                                 "--filter", "event=stop", "--filter", "event=die", "--filter", "event=kill",
                                 "--filter", "event=oom", "--filter", "event=pause", "--filter", "event=unpause",
                                 "--filter", "event=destroy", "--filter", "event=health_status"])
        #expect(command.isLongRunning)
        for line in try DockerFixture.lines("events.ndjson") {
            var bytes = Array(line.utf8)
            let relevant = bytes.withUnsafeMutableBufferPointer { provider.isRelevantChange(UnsafeBufferPointer($0)) }
            #expect(relevant == (line.contains(#""Type":"container""#) && !line.contains(#""Action":"exec_"#)))
        }
    }

    @Test func buildsTheOtherCommands() {
        #expect(DockerCommands.listContainers(composeProject: "shop; rm -rf /")
            == ["ps", "-a", "--no-trunc", "--format", "{{json .}}", "--filter", "label=com.docker.compose.project=shop; rm -rf /"])
        #expect(DockerCommands.listComposeContainers(project: "shop") == ["compose", "-p", "shop", "ps", "-a", "--format", "json"])
        #expect(DockerCommands.listImages() == ["image", "ls", "--no-trunc", "--format", "{{json .}}"])
        let plain = DockerEndpoint(context: "", host: "")
        #expect(plain == DockerEndpoint())
        #expect(plain.command(["ps"]).argv == ["docker", "ps"] && plain.command(["ps"]).environment.isEmpty)
        #expect(DockerEndpoint(context: "a b", host: nil).command(["ps"]).description == "docker --context 'a b' ps")
    }
}
