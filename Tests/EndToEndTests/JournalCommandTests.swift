import Foundation
import OpsCore
import Testing

/// `opsdeck journal`, run as a user runs it, over journals written by opsdeck's own writer.
@Suite struct JournalCommandTests {
    /// A home, a state folder and an empty working directory of their own, so nothing on this
    /// machine is read by accident.
    struct Sandbox {
        let root: URL
        var home: String { root.appendingPathComponent("home").path }
        var state: String { root.appendingPathComponent("state").path }
        var work: String { root.appendingPathComponent("work").path }
        var defaultJournal: String { state + "/opsdeck/journal.jsonl" }
        var environment: [String: String] {
            ["HOME": home, "XDG_STATE_HOME": state, "XDG_CONFIG_HOME": root.appendingPathComponent("config").path]
        }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-journal-\(UUID().uuidString)")
            for folder in [home, state, work] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }

        func run(_ arguments: [String]) throws -> ChildResult {
            try OpsdeckBinary.run(["journal"] + arguments, environment: environment, currentDirectory: work)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let alice = ActionOperator(user: "alice", host: "ops1", client: "10.0.0.7", pid: 4242)
    static let bob = ActionOperator(user: "bob", host: "ops2", pid: 77)

    /// `seconds` after 2026-11-28T10:00:00Z.
    static func time(_ seconds: Int64) -> LogTimestamp { LogTimestamp(secondsSinceEpoch: 1_795_860_000 + seconds) }

    static func entry(_ phase: JournalEntry.Phase, _ id: String, at time: LogTimestamp, actor: ActionOperator = alice,
                      key: ServiceKey = ServiceKey(service: "api", environment: "production"),
                      step: JournalEntry.Step? = nil, outcome: JournalEntry.Outcome? = nil,
                      exitCode: Int32? = nil, duration: Int64? = nil, stderr: String? = nil) -> JournalEntry {
        JournalEntry(id: id, time: time, phase: phase, actor: actor, key: key, kind: .deploy,
                     from: .init(version: "1.4.1"), to: .init(version: "1.4.2", digest: "sha256:0123456789abcdef0123"),
                     step: step, outcome: outcome, exitCode: exitCode, durationMilliseconds: duration, standardError: stderr)
    }

    /// A deploy of api/production by alice (two steps, the second failing) and a rollback of
    /// web/staging by bob that was interrupted during its only step.
    static func writeTwoActions(to path: String, apiStart: LogTimestamp = time(0), webStart: LogTimestamp = time(600)) throws {
        func api(_ seconds: Int64) -> LogTimestamp {
            LogTimestamp(nanosecondsSinceEpoch: apiStart.nanosecondsSinceEpoch + seconds * 1_000_000_000)
        }
        let writer = JournalWriter(path: path)
        let pull = JournalEntry.Step(index: 0, count: 2, summary: "pull the image",
                                     argv: ["docker", "pull", "registry.example.com/api:1.4.2"])
        let start = JournalEntry.Step(index: 1, count: 2, summary: "start \u{1B}[31mit",
                                      argv: ["docker", "run", "-e", "DB_PASSWORD=[REDACTED]", "api:1.4.2"])
        let web = ServiceKey(service: "web", environment: "staging")
        var rollback = JournalEntry.Step(index: 0, count: 1, summary: "restart", argv: ["docker", "restart", "web"])
        rollback.environment = ["DOCKER_HOST": "ssh://deploy@staging"]
        for entry in [
            entry(.started, "a1", at: api(0)),
            entry(.stepStarted, "a1", at: api(1), step: pull),
            entry(.stepFinished, "a1", at: api(2), step: pull, outcome: .ok, exitCode: 0, duration: 812),
            entry(.stepStarted, "a1", at: api(2), step: start),
            entry(.stepFinished, "a1", at: api(3), step: start, outcome: .failed, exitCode: 125, duration: 140,
                  stderr: "docker: Error response from daemon: Conflict."),
            entry(.finished, "a1", at: api(3), outcome: .failed, duration: 3200),
            entry(.started, "w1", at: webStart, actor: bob, key: web),
            entry(.stepStarted, "w1", at: LogTimestamp(nanosecondsSinceEpoch: webStart.nanosecondsSinceEpoch + 1_000_000_000),
                  actor: bob, key: web, step: rollback),
        ] {
            try writer.append(entry)
        }
    }

    @Test func withoutAJournalThereAreNoActionsYet() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let text = try sandbox.run([])
        #expect(text.exitCode == 0)
        #expect(text.stdoutText == "No actions yet: \(sandbox.defaultJournal) does not exist.\n")
        #expect(text.stderr.isEmpty)
        let json = try sandbox.run(["--output", "json"])
        #expect(json.exitCode == 0 && json.stdout.isEmpty && json.stderr.isEmpty)
    }

    @Test func actionsArePrintedOldestFirstWithTheirCommands() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try Self.writeTwoActions(to: sandbox.defaultJournal)
        let result = try sandbox.run([])
        #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
        #expect(result.stderr.isEmpty)
        #expect(!result.stdout.contains(0x1B), "no escape byte from the file reaches the terminal")
        #expect(result.stdoutText == """
            2026-11-28T10:00:00.000Z  alice@ops1 (from 10.0.0.7)  api/production  deploy  1.4.1 -> 1.4.2 (sha256:0123456789ab)  failed  3.2s
              1. pull the image: ok, 812ms
                 $ docker pull registry.example.com/api:1.4.2
              2. start \\e[31mit: failed (exit 125), 140ms
                 $ docker run -e 'DB_PASSWORD=[REDACTED]' api:1.4.2
                 stderr: docker: Error response from daemon: Conflict.

            2026-11-28T10:10:00.000Z  bob@ops2  web/staging  deploy  1.4.1 -> 1.4.2 (sha256:0123456789ab)  INTERRUPTED (never finished; last seen 2026-11-28T10:10:01.000Z)
              1. restart: interrupted (never finished)
                 $ DOCKER_HOST=ssh://deploy@staging docker restart web

            """)
    }

    @Test func filtersByServiceEnvironmentAndTime() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        // The web action is a minute old, the api one three days: `--since 1d` keeps only the first.
        let now = Int64(Date().timeIntervalSince1970)
        try Self.writeTwoActions(to: sandbox.defaultJournal, apiStart: LogTimestamp(secondsSinceEpoch: now - 3 * 86_400),
                                 webStart: LogTimestamp(secondsSinceEpoch: now - 60))
        func ids(_ arguments: [String]) throws -> [String] {
            let result = try sandbox.run(arguments + ["--output", "json"])
            #expect(result.exitCode == 0, "stderr: \(result.stderrText)")
            return try result.stdoutText.split(separator: "\n").map { line in
                try #require(JSONParser.parse(String(line))["id"]?.stringValue)
            }
        }
        #expect(try ids([]) == ["a1", "w1"])
        #expect(try ids(["--service", "api"]) == ["a1"])
        #expect(try ids(["--env", "staging"]) == ["w1"])
        #expect(try ids(["--service", "api", "--env", "staging"]) == [])
        #expect(try ids(["--since", "1d"]) == ["w1"])
        #expect(try ids(["--since", "2h"]) == ["w1"])
        let apiTime = LogTimestamp(secondsSinceEpoch: now - 3 * 86_400).rfc3339Milliseconds
        let justAfter = LogTimestamp(secondsSinceEpoch: now - 3 * 86_400 + 1).rfc3339Milliseconds
        #expect(try ids(["--since", apiTime]) == ["a1", "w1"])
        #expect(try ids(["--since", justAfter, "--service", "api"]) == [])
        let none = try sandbox.run(["--service", "nothing"])
        #expect(none.stdoutText == "No actions match.\n")
        let bad = try sandbox.run(["--since", "last tuesday"])
        #expect(bad.exitCode == 64)
        #expect(bad.stderrText.contains("--since 'last tuesday' is neither a duration"))
    }

    @Test func jsonOutputIsOneObjectPerAction() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try Self.writeTwoActions(to: sandbox.defaultJournal)
        let result = try sandbox.run(["--output", "json"])
        #expect(result.exitCode == 0)
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.last == "")
        let first = try JSONParser.parse(String(lines[0]))
        #expect(first["outcome"] == .string("failed"))
        #expect(first["user"] == .string("alice") && first["client"] == .string("10.0.0.7"))
        #expect(first["to_digest"] == .string("sha256:0123456789abcdef0123"))
        #expect(first["duration_ms"] == .number("3200"))
        guard case .array(let steps)? = first["steps"] else {
            Issue.record("no steps")
            return
        }
        #expect(steps.count == 2)
        #expect(steps[1]["exit_code"] == .number("125"))
        #expect(steps[1]["summary"] == .string("start \u{1B}[31mit"), "JSON keeps the text exact, escaped by the writer")
        #expect(String(lines[0]).contains("\\u001b"))
        let second = try JSONParser.parse(String(lines[1]))
        #expect(second["outcome"] == .string("interrupted") && second["finished"] == .null)
    }

    @Test func damagedLinesAreReportedOnStandardErrorAndSkipped() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try Self.writeTwoActions(to: sandbox.defaultJournal)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: sandbox.defaultJournal)))
        let firstEnd = try #require(bytes.firstIndex(of: 0x0A))
        bytes.insert(contentsOf: Array("{\"id\":\"a1\",\u{1B}[2J garbage\n".utf8), at: firstEnd + 1)
        bytes += Array("{\"id\":\"w1\",\"time\":\"2026-11-28T10:".utf8)  // cut off mid-line
        try Data(bytes).write(to: URL(fileURLWithPath: sandbox.defaultJournal))
        let result = try sandbox.run([])
        #expect(result.exitCode == 0)
        #expect(result.stderrText == """
            opsdeck journal: \(sandbox.defaultJournal): line 2: not valid JSON; skipped
            opsdeck journal: \(sandbox.defaultJournal): line 10: truncated: the last line has no end (was opsdeck killed while writing it?); skipped

            """)
        #expect(result.stdoutText.contains("api/production  deploy  1.4.1 -> 1.4.2 (sha256:0123456789ab)  failed  3.2s"))
        #expect(result.stdoutText.contains("web/staging"))
    }

    @Test func aJournalThatCannotBeReadFails() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let result = try sandbox.run(["--journal", sandbox.work])
        #expect(result.exitCode == 1)
        #expect(result.stderrText == "opsdeck journal: cannot read the journal \(sandbox.work): Is a directory\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func theConfigurationsJournalPathIsFollowed() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let config = ConfigExample.minimal + "\njournal_path: ~/audit/journal.jsonl\n"
        try config.write(toFile: sandbox.work + "/opsdeck.yml", atomically: true, encoding: .utf8)
        try Self.writeTwoActions(to: sandbox.home + "/audit/journal.jsonl")
        let found = try sandbox.run(["--output", "json"])
        #expect(found.exitCode == 0, "stderr: \(found.stderrText)")
        #expect(found.stdoutText.split(separator: "\n").count == 2)

        let elsewhere = sandbox.root.appendingPathComponent("elsewhere.yml").path
        try (ConfigExample.minimal + "\njournal_path: relative.jsonl\n").write(toFile: elsewhere, atomically: true, encoding: .utf8)
        let relative = try sandbox.run(["--config", elsewhere])
        #expect(relative.stdoutText == "No actions yet: \(sandbox.root.path)/relative.jsonl does not exist.\n")

        let explicit = try sandbox.run(["--config", elsewhere, "--journal", sandbox.home + "/audit/journal.jsonl"])
        #expect(explicit.stdoutText.contains("alice@ops1"))

        try "services: [".write(toFile: elsewhere, atomically: true, encoding: .utf8)
        let broken = try sandbox.run(["--config", elsewhere])
        #expect(broken.exitCode == 1)
        #expect(broken.stderrText.contains("is not a valid configuration, so its journal_path is unknown"))
    }

    /// Of an action whose own lines are elsewhere (or lost), only the note a later opsdeck wrote
    /// when it took over the stale lock remains: shown as interrupted, its operator unknown.
    @Test func anActionKnownOnlyFromANoteShowsItsOperatorAsUnknown() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        var noted = Self.entry(.interruptedNoted, "old", at: Self.time(0), actor: Self.bob)
        noted.note = "its lock was found stale: process 12 is gone"
        try JournalWriter(path: sandbox.defaultJournal).append(noted)
        let result = try sandbox.run([])
        #expect(result.exitCode == 0)
        #expect(result.stdoutText == """
            2026-11-28T10:00:00.000Z  (unknown)  api/production  deploy  1.4.1 -> 1.4.2 (sha256:0123456789ab)  INTERRUPTED (never finished; last seen 2026-11-28T10:00:00.000Z)
              (no step was started)
              noted (2026-11-28T10:00:00.000Z, bob@ops2): its lock was found stale: process 12 is gone
              (its "started" line is missing: shown from its other lines)

            """)
    }
}
