import Testing
@testable import OpsCore

@Suite struct DockerEventTests {
    @Test func readsEveryCapturedEvent() throws {
        let events = try DockerFixture.lines("events.ndjson").map(DockerEvent.parse(line:))
        #expect(events.count == 84)
        #expect(Set(events.map(\.type)) == ["container", "network"])
        let first = events[0]
        #expect(first.type == "container" && first.action == "create")
        #expect(first.actorID == DockerFixture.sick)
        #expect(first.attributes["name"] == "fx-sick")
        #expect(first.attributes["image"] == "opsdeck-test/web:1.5.0")
        #expect(first.attributes["org.opsdeck.test.run"] == "fx")
        #expect(first.time == LogTimestamp(nanosecondsSinceEpoch: 1_795_926_657_184_860_524))
        let unhealthy = try #require(events.first { $0.healthStatus == "unhealthy" })
        #expect(unhealthy.attributes["name"] == "fx-sick")
        #expect(unhealthy.verb == "health_status")
        let execs = events.filter(\.isExec)
        #expect(execs.count == 6)
        #expect(execs.map(\.verb).contains("exec_create"))
        let die = try #require(events.first { $0.action == "die" && $0.attributes["name"] == "fx-crashloop" })
        #expect(die.attributes["exitCode"] == "1")
        let oom = try #require(events.first { $0.action == "oom" })
        #expect(oom.attributes["name"] == "fx-oom")
    }

    @Test func tellsRelevantChangesFromHealthcheckNoise() throws {
        let lines = try DockerFixture.lines("events.ndjson")
        for line in lines {
            let event = try DockerEvent.parse(line: line)
            let expected = event.type == "container" && !event.isExec
            #expect(DockerEventFilter.isRelevant(line) == expected, "\(event.type) \(event.action)")
        }
        // What the daemon sent through the provider's filters: only relevant container events.
        let filtered = try DockerFixture.lines("events-filtered.ndjson")
        #expect(filtered.count == 52)
        #expect(filtered.allSatisfy(DockerEventFilter.isRelevant))
        let actions = Set(try filtered.map { try DockerEvent.parse(line: $0).verb })
        #expect(actions == ["create", "start", "die", "kill", "oom", "pause", "stop", "health_status"])
    }

    @Test func readsLegacyOnlyLines() throws {
        let line = #"{"status":"die","id":"0123456789ab","from":"nginx:alpine","time":1714564800}"#
        let event = try DockerEvent.parse(line: line)
        #expect(event.type == "container" && event.action == "die" && event.actorID == "0123456789ab")
        #expect(event.attributes["image"] == "nginx:alpine")
        #expect(event.time == LogTimestamp(secondsSinceEpoch: 1_714_564_800))
        #expect(DockerEventFilter.isRelevant(line))
        #expect(!DockerEventFilter.isRelevant(#"{"status":"exec_start: sh","id":"0123456789ab"}"#))
    }

    @Test(arguments: [
        (#"{"Type":"container","Action":"health_status: healthy"}"#, true),
        (#"{"Type":"container","Action":"health_status: unhealthy"}"#, true),
        (#"{"Type":"container","Action":"restart"}"#, true),
        (#"{"Type":"container","Action":"destroy"}"#, true),
        (#"{"Type":"container","Action":"unpause"}"#, true),
        (#"{"Type":"container","Action":"exec_create: /bin/sh -c curl -f localhost"}"#, false),
        (#"{"Type":"container","Action":"exec_die"}"#, false),
        (#"{"Type":"container","Action":"attach"}"#, false),
        (#"{"Type":"container","Action":"starting"}"#, false),
        (#"{"Type":"image","Action":"pull"}"#, false),
        (#"{"Type":"network","Action":"connect"}"#, false),
        (#"{"Type":"container"}"#, false),
        (#"{"Type":"container","Action":7}"#, false),
        (#"{"Type":"contain\u0065r","Action":"st\u0061rt"}"#, true),
        ("  {\"Type\":\"container\",\"Action\":\"kill\"}\r", true),
        (#"{"Type":"container","Action":"start""#, false),
        ("not json at all", false),
        ("", false),
        ("\u{1B}]0;pwned\u{07}", false),
    ])
    func decidesRelevanceOfOneLine(_ line: String, _ relevant: Bool) {
        #expect(DockerEventFilter.isRelevant(line) == relevant)
    }

    @Test func takesNanosecondsOverSecondsAndRejectsGarbage() throws {
        let event = try DockerEvent.parse(line: #"{"Type":"container","Action":"start","time":1,"timeNano":1714564800123456789}"#)
        #expect(event.time == LogTimestamp(nanosecondsSinceEpoch: 1_714_564_800_123_456_789))
        #expect(try DockerEvent.parse(line: #"{"Type":"daemon","Action":"reload"}"#).time == nil)
        let error = try #require(throws: DockerOutputError.self) { try DockerEvent.parse(line: "{\"Type\":") }
        #expect(error.command == "docker events")
        #expect(throws: DockerOutputError.self) { try DockerEvent.parse(line: "   ") }
    }
}
