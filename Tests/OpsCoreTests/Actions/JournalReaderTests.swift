import Foundation
import Testing
@testable import OpsCore

@Suite struct JournalReaderTests {
    typealias S = ActionTestSupport

    static func lines(_ entries: [JournalEntry]) -> [UInt8] { entries.flatMap(\.line) }

    static let complete: [JournalEntry] = [
        S.entry(.started, at: 0),
        S.entry(.stepStarted, at: 1, step: S.step(0)),
        S.entry(.stepFinished, at: 2, step: S.step(0), outcome: .ok),
        S.entry(.stepStarted, at: 3, step: S.step(1)),
        S.entry(.stepFinished, at: 4, step: S.step(1), outcome: .ok),
        S.entry(.finished, at: 5, outcome: .ok),
    ]

    @Test func aCompleteActionFoldsIntoOne() {
        var entries = Self.complete
        entries[entries.count - 1].durationMilliseconds = 5000
        let history = JournalReader.history(bytes: Self.lines(entries))
        #expect(history.problems.isEmpty)
        #expect(history.actions.count == 1)
        let action = history.actions[0]
        #expect(action.id == "a1")
        #expect(action.outcome == .ok)
        #expect(!action.isInterrupted)
        #expect(action.hasStartedLine)
        #expect(action.actor == S.alice)
        #expect(action.from.version == "1.4.1" && action.to.version == "1.4.2" && action.to.digest == "sha256:abc")
        #expect(action.steps.map(\.step.index) == [0, 1])
        #expect(action.steps.map(\.outcome) == [.ok, .ok])
        #expect(action.steps[0].startedAt == S.time(1))
        #expect(action.startedAt == S.time(0) && action.finishedAt == S.time(5))
        #expect(action.durationMilliseconds == 5000)
    }

    @Test func aCorruptMiddleLineIsReportedWithItsNumberAndSkipped() {
        var bytes = Self.lines(Array(Self.complete.prefix(2)))
        bytes += Array("{\"id\": \"a1\", this is not json\n".utf8)
        bytes += Self.lines(Array(Self.complete.dropFirst(2)))
        let history = JournalReader.history(bytes: bytes)
        #expect(history.problems == [JournalProblem(line: 3, reason: "not valid JSON; skipped")])
        #expect(history.actions.count == 1)
        #expect(history.actions[0].outcome == .ok)
        #expect(history.actions[0].steps.count == 2)
    }

    @Test func aTruncatedLastLineIsReportedAndTheActionIsInterrupted() {
        var bytes = Self.lines(Array(Self.complete.prefix(4)))
        let cut = Self.complete[4].line
        bytes += cut.prefix(cut.count / 2)
        let history = JournalReader.history(bytes: bytes)
        #expect(history.problems.count == 1)
        #expect(history.problems.first?.line == 5)
        #expect(history.problems.first?.reason.hasPrefix("truncated") == true)
        let action = history.actions[0]
        #expect(action.isInterrupted)
        #expect(action.steps.map(\.outcome) == [.ok, .interrupted])
        #expect(action.lastSeenAt == S.time(3))
    }

    @Test func anActionStartedButNeverFinishedIsInterruptedWithWhatIsKnown() {
        let history = JournalReader.history(bytes: Self.lines(Array(Self.complete.prefix(3))))
        #expect(history.problems.isEmpty)
        let action = history.actions[0]
        #expect(action.outcome == .interrupted)
        #expect(action.finishedAt == nil && action.durationMilliseconds == nil)
        #expect(action.steps.map(\.outcome) == [.ok])
        #expect(action.lastSeenAt == S.time(2))
    }

    @Test func anActionWhoseStartedLineWasLostIsPiecedTogether() {
        var bytes = Array("garbage\n".utf8)
        bytes += Self.lines(Array(Self.complete.dropFirst()))
        let history = JournalReader.history(bytes: bytes)
        #expect(history.problems.map(\.line) == [1])
        let action = history.actions[0]
        #expect(!action.hasStartedLine)
        #expect(action.actor == S.alice)
        #expect(action.outcome == .ok)
        #expect(action.startedAt == S.time(1))
    }

    @Test func aNoteOfInterruptionByAnotherOperatorDoesNotStandInForTheActor() {
        let bob = ActionOperator(user: "bob", host: "ops2", pid: 7)
        var noted = S.entry(.interruptedNoted, at: 9, actor: bob)
        noted.note = "its lock was found stale"
        let history = JournalReader.history(bytes: Self.lines([S.entry(.started), S.entry(.stepStarted, at: 1, step: S.step(0)), noted]))
        let action = history.actions[0]
        #expect(action.actor == S.alice)
        #expect(action.isInterrupted)
        #expect(action.notes.map(\.by) == [bob])
        #expect(action.notes.map(\.text) == ["its lock was found stale"])
    }

    @Test func linesThatAreJSONButNotEntriesAreReportedWithTheReason() {
        var wrongType = S.entry(.started).jsonValue
        if case .object(var members) = wrongType {
            members[members.firstIndex { $0.key == "pid" }!].value = .string("x")
            wrongType = .object(members)
        }
        let texts = [
            "[1,2]",
            "{\"id\":\"a\",\"time\":\"yesterday\",\"phase\":\"started\",\"kind\":\"deploy\"}",
            "{\"id\":\"a\",\"time\":\"2026-11-28T10:00:00Z\",\"phase\":\"exploded\",\"kind\":\"deploy\"}",
            "{\"id\":\"a\",\"time\":\"2026-11-28T10:00:00Z\",\"phase\":\"started\",\"kind\":\"deploy\",\"exit_code\":1e99}",
            JSONWriter.serialize(wrongType),
        ]
        let history = JournalReader.history(bytes: Array((texts.joined(separator: "\n") + "\n").utf8))
        #expect(history.actions.isEmpty)
        #expect(history.problems.map(\.line) == [1, 2, 3, 4, 5])
        #expect(history.problems.map(\.reason) == [
            "not a journal entry (not a JSON object); skipped",
            "not a journal entry (\"time\" is not an RFC 3339 time); skipped",
            "not a journal entry (unknown \"phase\"); skipped",
            "not a journal entry (\"exit_code\" is not a whole number in -2147483648...2147483647); skipped",
            "not a journal entry (\"pid\" is not a whole number in 0...2147483647); skipped",
        ])
    }

    @Test func blankLinesAndUnknownKeysAreFine() {
        var json = S.entry(.started).jsonValue
        if case .object(var members) = json {
            members.append(JSONMember("added_in_a_later_version", .array([.null])))
            json = .object(members)
        }
        let bytes = Array("\n  \n".utf8) + Array((JSONWriter.serialize(json) + "\r\n").utf8)
        let history = JournalReader.history(bytes: bytes)
        #expect(history.problems.isEmpty)
        #expect(history.actions.count == 1)
    }

    @Test func anOverlongLineIsReportedAndTheNextOneStillReads() {
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: JournalReader.maximumLineBytes + 10)
        bytes.append(0x0A)
        bytes += Self.lines(Self.complete)
        let history = JournalReader.history(bytes: bytes)
        #expect(history.problems.map(\.line) == [1])
        #expect(history.actions.first?.outcome == .ok)
    }

    @Test func actionsComeOldestFirstWhateverTheirLinesOrder() {
        let late = [S.entry(.started, id: "late", at: 100), S.entry(.finished, id: "late", at: 101, outcome: .failed)]
        let early = [S.entry(.started, id: "early", at: 10), S.entry(.finished, id: "early", at: 11, outcome: .ok)]
        let history = JournalReader.history(bytes: Self.lines(late + early))
        #expect(history.actions.map(\.id) == ["early", "late"])
        #expect(history.actions.map(\.outcome) == [.ok, .failed])
    }

    @Test func aMissingJournalIsNoHistoryAndAFolderIsAnError() throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let missing = try JournalReader.history(path: folder.appendingPathComponent("none.jsonl").path)
        #expect(!missing.fileExists && missing.actions.isEmpty && missing.problems.isEmpty)
        #expect(throws: JournalError.cannotRead(path: folder.path, errno: EISDIR)) {
            try JournalReader.history(path: folder.path)
        }
    }

    @Test func filtersSelectByStartTimeServiceAndEnvironment() {
        let web = ServiceKey(service: "web", environment: "staging")
        let history = JournalReader.history(bytes: Self.lines([
            S.entry(.started, id: "old", at: 0),
            S.entry(.started, id: "new", at: 100),
            S.entry(.started, id: "web", at: 200, key: web),
        ]))
        func ids(_ filter: JournalFilter) -> [String] { history.actions.filter(filter.matches).map(\.id) }
        #expect(ids(JournalFilter()) == ["old", "new", "web"])
        #expect(ids(JournalFilter(since: S.time(100))) == ["new", "web"])
        #expect(ids(JournalFilter(service: "api")) == ["old", "new"])
        #expect(ids(JournalFilter(environment: "staging")) == ["web"])
        #expect(ids(JournalFilter(since: S.time(50), service: "api", environment: "production")) == ["new"])
    }

    @Test func redactingAnActionAgainHidesSecretsAnOlderWriterLeft() {
        var started = S.entry(.stepStarted, step: JournalEntry.Step(
            index: 0, count: 1, summary: "log in", argv: ["docker", "login", "--password", "hunter2"],
            environment: ["REGISTRY_TOKEN": "abc"]))
        started.actor.client = nil
        var finished = S.entry(.stepFinished, step: started.step, outcome: .failed)
        finished.standardError = "denied: password=hunter2"
        let action = JournalReader.history(bytes: Self.lines([S.entry(.started), started, finished])).actions[0].redacted()
        #expect(action.steps[0].step.argv == ["docker", "login", "--password", "[REDACTED]"])
        #expect(action.steps[0].step.environment == ["REGISTRY_TOKEN": "[REDACTED]"])
        #expect(action.steps[0].standardError == "denied: password=[REDACTED]")
    }
}
