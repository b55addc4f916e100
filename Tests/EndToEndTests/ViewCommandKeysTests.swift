import Foundation
import Testing

/// The keys of `opsdeck view`, pressed in tmux against the real binary.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ViewCommandKeysTests {
    private let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
        try folder.write("app.log", mixedLog)
    }

    private func view(columns: Int = 120, rows: Int = 30) throws -> TmuxSession {
        let session = try startView("app.log", in: folder, columns: columns, rows: rows)
        session.waitFor("10/10")
        return session
    }

    /// Waits until the status bar (the last line) satisfies `test`.
    private func waitForStatus(_ session: TmuxSession, _ what: String,
                               sourceLocation: SourceLocation = #_sourceLocation, _ test: @escaping (String) -> Bool) -> Bool {
        session.waitUntil("the status bar to show \(what)", sourceLocation: sourceLocation) { test(statusBar($0)) }
    }

    @Test func upPausesAndCapitalGFollowsAgainAndGGoesToTheFirstRecord() throws {
        let session = try view()
        try session.keys("k")
        #expect(waitForStatus(session, "PAUSED at 9/10") { $0.hasPrefix(" PAUSED") && $0.contains("9/10") })
        try session.keys("G")
        #expect(waitForStatus(session, "FOLLOW at 10/10") { $0.hasPrefix(" FOLLOW") && $0.contains("10/10") })
        try session.keys("g")
        #expect(waitForStatus(session, "1/10") { $0.contains(" 1/10  ? help") })
    }

    @Test func searchHighlightsAndNMovesBetweenMatches() throws {
        let session = try view()
        #expect(!(try session.screenWithEscapes()).contains("mconn"))
        try session.keys("g", "/")
        try session.literal("connection")
        try session.keys("Enter")
        // From the first record the search selects the first match: record 7.
        #expect(waitForStatus(session, "/connection at 7/10") { $0.contains("/connection") && $0.contains(" 7/10 ") })
        // The matched text is drawn in a style of its own: an SGR sequence right before it.
        #expect(session.waitUntil("the match highlighted", escapes: true) { screen in
            screen.components(separatedBy: "\n").contains { $0.contains("database") && $0.contains("mconnection") }
        })
        try session.keys("n")
        #expect(waitForStatus(session, "8/10") { $0.contains(" 8/10 ") })
        try session.keys("n")
        #expect(waitForStatus(session, "10/10") { $0.contains(" 10/10 ") })
        try session.keys("N")
        #expect(waitForStatus(session, "8/10 again") { $0.contains(" 8/10 ") })
    }

    @Test func eAndCapitalEJumpBetweenErrors() throws {
        let session = try view()
        try session.keys("g", "e")
        #expect(waitForStatus(session, "5/10") { $0.contains(" 5/10 ") })
        try session.keys("e")
        #expect(waitForStatus(session, "7/10") { $0.contains(" 7/10 ") })
        try session.keys("e")
        #expect(waitForStatus(session, "9/10") { $0.contains(" 9/10 ") })
        try session.keys("e")
        #expect(waitForStatus(session, "no next error") { $0.contains("no next error") && $0.contains(" 9/10 ") })
        try session.keys("E")
        #expect(waitForStatus(session, "7/10 going back") { $0.contains(" 7/10 ") })
    }

    @Test func lCyclesTheMinimumLevel() throws {
        let session = try view()
        try session.keys("l")
        #expect(waitForStatus(session, "level≥debug") { $0.contains("level≥debug") })
        #expect(session.waitFor("10 of 10 records"))
        try session.keys("l")
        #expect(waitForStatus(session, "level≥info") { $0.contains("level≥info") })
        #expect(session.waitFor("app.log · 9 of 10 records"))
        #expect(!(try session.screen()).contains("retrying connection"))
        try session.keys("l", "l")
        #expect(waitForStatus(session, "level≥error") { $0.contains("level≥error") })
        #expect(session.waitFor("app.log · 3 of 10 records"))
    }

    @Test func fFiltersAndABadFilterKeepsThePrompt() throws {
        let session = try view()
        try session.keys("f")
        try session.literal("level>=warn user_id=42")
        try session.keys("Enter")
        #expect(session.waitFor("app.log · 3 of 10 records"))
        #expect(waitForStatus(session, "the filter") { $0.contains("filter: level>=warn user_id=42") && $0.contains("3/3") })
        let screen = try session.screen()
        #expect(screen.contains("slow request user_id=42") && screen.contains("upstream timeout user_id=42"))
        #expect(!screen.contains("disk usage high"))

        try session.keys("f", "C-u")
        try session.literal("level>=bogus")
        try session.keys("Enter")
        // The prompt stays open with the text typed and the mistake named beside it, and the filter
        // in force is unchanged.
        #expect(waitForStatus(session, "the prompt kept") {
            $0.hasPrefix("filter: level>=bogus") && $0.contains("'bogus' is not a level")
        })
        #expect((try session.screen()).contains("app.log · 3 of 10 records"))
        try session.keys("Escape")
        #expect(waitForStatus(session, "the prompt closed") { $0.hasSuffix("? help") })
    }

    @Test func enterOpensTheRecordAsPrettyJSONAndEscapeClosesIt() throws {
        let session = try view()
        try session.keys("g", "e", "Enter")
        #expect(session.waitFor("record at line 5"))
        let screen = try session.screen()
        #expect(screen.contains(#""level": "error","#))
        #expect(screen.contains(#""message": "payment failed","#))
        try session.keys("Escape")
        #expect(session.waitUntil("the detail to close") { !$0.contains("record at line") })
    }

    @Test func questionMarkShowsTheKeysAndEscapeClosesThem() throws {
        let session = try view()
        try session.keys("?")
        #expect(session.waitFor("keys · j/k scroll · Esc closes"))
        let screen = try session.screen()
        #expect(screen.contains("next error") && screen.contains("cycle the minimum level"))
        try session.keys("Escape")
        #expect(session.waitUntil("the help to close") { !$0.contains("keys · j/k scroll · Esc closes") && $0.contains("server started") })
    }

    @Test func tShowsTimesRelativeToTheNewest() throws {
        let session = try view()
        try session.keys("t")
        #expect(session.waitFor("│  -0:00:09.000 INFO   server started"))
        try session.keys("t")
        #expect(session.waitFor("│INFO   server started"))
    }

    @Test func zWrapsLongLines() throws {
        try folder.append("app.log", "level=info msg=\"" + String(repeating: "wide ", count: 20) + "END-OF-LINE\"\n")
        let session = try startView("app.log", in: folder, columns: 60, rows: 20)
        #expect(session.waitFor("11/11"))
        #expect(!(try session.screen()).contains("END-OF-LINE"))
        try session.keys("z")
        #expect(session.waitFor("END-OF-LINE"))
    }

    @Test func sSavesTheShownRecordsAsJSONLines() throws {
        let session = try view()
        try session.keys("l", "l", "s")
        #expect(waitForStatus(session, "the save prompt") { $0.hasPrefix("save to: opsdeck-export.jsonl") })
        try session.keys("Enter")
        #expect(waitForStatus(session, "saved") { $0.contains("saved 9 records to opsdeck-export.jsonl") })
        let saved = try String(contentsOfFile: folder.path + "/opsdeck-export.jsonl", encoding: .utf8)
        let records = try outputLines(saved).map { try EmittedRecord(jsonLine: Array($0.utf8)) }
        #expect(records.map(\.line) == [1, 2, 3, 4, 5, 6, 7, 9, 10])
        #expect(records.map(\.message).first == "server started")
        #expect(records.allSatisfy { $0.level != "debug" })
    }

    @Test func qQuitsWithStatusZeroAndGivesTheTerminalBack() throws {
        let session = try startShell(in: folder)
        try session.literal("s=$(stty -g); " + (try opsdeckCommand("view app.log"))
                            + #"; echo "done-$? tty-$([ "$s" = "$(stty -g)" ] && echo same || echo changed)""#)
        try session.keys("Enter")
        #expect(session.waitFor("10/10"))
        try session.keys("q")
        #expect(session.waitFor("done-0 tty-same"))
        // The shell is usable again: what it prints shows on the normal screen.
        try session.literal("echo next-$((40+2))")
        try session.keys("Enter")
        #expect(session.waitFor("next-42"))
        #expect(!(try session.screen()).contains("? help"))
    }
}
