import Foundation
import OpsCore
import Testing

/// The console's History pane on the real test engine, showing opsdeck's own actions from the
/// journal beside the engine's releases, as a user sees it in a terminal.
@Suite(.enabled(if: DockerEngine.shouldRun && TmuxSession.shouldRun, DockerEngine.missing))
struct ConsoleHistoryJournalTests {
    @Test func aFinishedDeployAndAnInterruptedRollbackShowInHistory() throws {
        let scenario = try DockerScenario.get()
        let folder = try ScratchFolder()
        let journal = folder.path + "/journal.jsonl"
        try folder.write("opsdeck.yml", """
            journal_path: \(journal)
            environments:
              staging: {}
              production: { protected: true }
            services:
              api:
                staging:    { provider: docker, project: \(scenario.stagingProject), service: api }
                production: { provider: docker, project: \(scenario.productionProject), service: api }
            """)
        let key = ServiceKey(service: "api", environment: "staging")
        let now = Int64(Date().timeIntervalSince1970)
        func entry(_ id: String, _ phase: JournalEntry.Phase, _ kind: ActionPlan.Kind, at seconds: Int64,
                   by actor: ActionOperator, from: String, to: String, outcome: JournalEntry.Outcome? = nil,
                   milliseconds: Int64? = nil) -> JournalEntry {
            JournalEntry(id: id, time: LogTimestamp(secondsSinceEpoch: now - seconds), phase: phase, actor: actor,
                         key: key, kind: kind, from: .init(version: from), to: .init(version: to), outcome: outcome,
                         durationMilliseconds: milliseconds)
        }
        let alice = ActionOperator(user: "alice", host: "ops1", pid: 4242)
        let bob = ActionOperator(user: "bob", host: "ops2", pid: 77)
        let writer = JournalWriter(path: journal)
        try writer.append(entry("d1", .started, .deploy, at: 600, by: alice, from: "1.4.0", to: "1.5.0"))
        try writer.append(entry("d1", .finished, .deploy, at: 588, by: alice, from: "1.4.0", to: "1.5.0", outcome: .ok,
                                milliseconds: 12_300))
        // A rollback whose opsdeck was killed (no `finished`), then a line damaged by hand.
        try writer.append(entry("r1", .started, .rollback, at: 120, by: bob, from: "1.5.0", to: "1.4.0"))
        let damaged = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
        try damaged.seekToEnd()
        try damaged.write(contentsOf: Data("{\"id\": \"broken\n".utf8))
        try damaged.close()

        let session = try ConsoleDockerTests.startConsole("--poll 3600", in: folder)
        #expect(session.waitFor("History · api/staging", timeout: .seconds(20)))
        // The History pane zoomed: every column of it.
        try session.keys("2", "Enter")
        func line(_ screen: String, containing words: [String]) -> Bool {
            screen.split(separator: "\n").contains { line in words.allSatisfy { line.contains($0) } }
        }
        #expect(session.waitUntil("the deploy and the rollback in History", timeout: .seconds(20)) { screen in
            line(screen, containing: ["deploy", "1.5.0", "1.4.0", "alice@ops1", " ok ", "12.3s"])
                && line(screen, containing: ["rollback", "1.4.0", "1.5.0", "bob@ops2", "interrupted"])
        })
        // The engine's own release is listed beside them, and `/` finds opsdeck's rows.
        #expect(session.waitUntil("the live release", timeout: .seconds(10)) { screen in
            line(screen, containing: ["1.5.0", "release", "live"])
        })
        try session.keys("/")
        try session.literal("interrupted")
        try session.keys("Enter")
        #expect(session.waitUntil("only the rollback", timeout: .seconds(10)) { screen in
            screen.contains("/interrupted") && !line(screen, containing: ["deploy"])
                && line(screen, containing: ["rollback", "interrupted"])
        })
        try session.keys("q")
        #expect(session.waitForExit())
        #expect(session.exitStatus == 0)
    }
}
