import Testing
@testable import OpsCore

@Suite struct DockerContainerDetailsTests {
    private func captured() throws -> [DockerContainerDetails] {
        try DockerContainerDetails.parse(inspectOutput: DockerFixture.bytes("inspect.json"))
    }

    private func container(_ id: String) throws -> DockerContainerDetails {
        try #require(try captured().first { $0.id == id })
    }

    @Test func readsTheCapturedInspectArray() throws {
        let all = try captured()
        #expect(all.map(\.id) == DockerFixture.psOrder)
        #expect(all.allSatisfy { !$0.name.hasPrefix("/") })
        let api = try container(DockerFixture.stagingAPI)
        #expect(api.name == "fx-staging_api_1")
        #expect(api.createdAt == DockerFixture.time(2026, 11, 29, 4, 30, 57, nanoseconds: 949_844_422))
        #expect(api.imageID == DockerFixture.web150)
        #expect(api.imageReference == "opsdeck-test/web:1.5.0")
        #expect(api.environment == ["ROLE": "api", "PATH": "/bin", "APP_VERSION": "1.5.0"])
        #expect(api.labels["org.opencontainers.image.revision"] == DockerFixture.revision150)
        #expect(api.state.status == "running")
        #expect(api.state.startedAt == DockerFixture.time(2026, 11, 29, 4, 30, 58, nanoseconds: 913_088_723))
        #expect(api.state.finishedAt == nil, "Go's zero time means never")
        #expect(api.isUp)
        let compose = try #require(DockerComposeLabels(api.labels))
        #expect(compose.project == "fx-staging" && compose.service == "api")
        #expect(compose.containerNumber == 1 && !compose.isOneOff)
    }

    @Test func readsTheHealthcheckHistory() throws {
        let health = try #require(try container(DockerFixture.sick).state.health)
        #expect(health.status == "unhealthy" && health.state == .unhealthy)
        #expect(health.failingStreak == 2)
        #expect(health.log.count == 5)
        let last = try #require(health.log.last)
        #expect(last.exitCode == 1)
        #expect(last.output == "unhealthy: /www/health is missing\n")
        #expect(last.start == DockerFixture.time(2026, 11, 29, 4, 31, 4, nanoseconds: 206_255_012))
        #expect(last.end == DockerFixture.time(2026, 11, 29, 4, 31, 4, nanoseconds: 292_420_129))
        #expect(try container(DockerFixture.logger).state.health == nil)
    }

    @Test func readsCrashesKillsAndTheOOMKiller() throws {
        let crashLoop = try container(DockerFixture.crashLoop)
        #expect(crashLoop.state.status == "restarting")
        #expect(crashLoop.state.exitCode == 1)
        #expect(crashLoop.restartCount == 6)
        let oom = try container(DockerFixture.oom)
        #expect(oom.state.oomKilled && oom.state.exitCode == 137 && oom.state.status == "exited")
        let killed = try container(DockerFixture.killed)
        #expect(!killed.state.oomKilled && killed.state.exitCode == 137)
        let created = try container(DockerFixture.created)
        #expect(created.state.status == "created" && created.state.startedAt == nil && !created.isUp)
        #expect(try container(DockerFixture.paused).isUp)
        // A stopped container keeps its last verdict.
        #expect(try container(DockerFixture.stopped).state.health?.state == .unhealthy)
    }

    @Test func keepsHostileLabelsAndHealthOutputExactly() throws {
        let hostile = try container(DockerFixture.hostile)
        #expect(hostile.labels["com.docker.compose.service"] == DockerFixture.hostileService)
        #expect(hostile.labels["org.opsdeck.note"] == "a,b=c,d")
        #expect(hostile.labels["org.opsdeck.escape"] == DockerFixture.escapeLabel)
        #expect(hostile.state.health?.log.last?.output == DockerFixture.escapeHealthOutput)
    }

    @Test func readsWhatAPartialInspectPrinted() throws {
        let partial = try DockerContainerDetails.parse(inspectOutput: DockerFixture.bytes("inspect-partial.json"))
        #expect(partial.map(\.name) == ["fx-sick"])
        #expect(try DockerFixture.text("inspect-partial.stderr") == "Error: No such object: fx-gone\n")
    }

    @Test func toleratesMissingAndMistypedFields() throws {
        let output = #"[{"Id":"0123456789ab"},{"Name":"/no-id"},{"Id":"abcdefabcdef","Name":7,"RestartCount":"3","State":{"Status":"exited","ExitCode":"1","Health":{"Log":[1,{"Output":"x"}]}},"Config":{"Labels":{"a":"b","n":1},"Env":["NOEQUALS","K=V=W"]}}]"#
        let details = try DockerContainerDetails.parse(inspectOutput: output)
        #expect(details.map(\.id) == ["0123456789ab", "abcdefabcdef"])
        #expect(details[0].state.status == "" && details[0].name == "" && details[0].labels.isEmpty)
        #expect(details[1].restartCount == 0)
        #expect(details[1].state.exitCode == nil)
        #expect(details[1].state.health?.log.map(\.output) == ["x"])
        #expect(details[1].labels == ["a": "b"])
        #expect(details[1].environment == ["K": "V=W"])
    }

    @Test(arguments: [
        ("", "no output where JSON was expected"),
        ("[\n  {\n    \"Id\": \"0123", "the output ends in the middle of a JSON value (truncated?)"),
        (#"{"Id":"0123456789ab"}"#, "expected a JSON array"),
        ("[1]", "element 1 of the array is not an object"),
        ("Error: No such object: web", "the output is not valid JSON (byte 1)"),
        ("[] trailing", "the output is not valid JSON (byte 3)"),
    ])
    func rejectsGarbageNamingTheCommand(_ output: String, _ problem: String) throws {
        let error = try #require(throws: DockerOutputError.self) { try DockerContainerDetails.parse(inspectOutput: output) }
        #expect(error.command == "docker inspect")
        #expect(error.problem == problem)
    }
}
