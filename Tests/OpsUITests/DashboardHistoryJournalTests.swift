import Testing
import OpsCore
@testable import OpsUI

/// opsdeck's own actions from the journal in the History pane, beside the provider's releases.
@Suite struct DashboardHistoryJournalTests {
    static let apiProduction = Fleet.key("api", "production")
    static let alice = ActionOperator(user: "alice", host: "ops1", pid: 42)
    static let bob = ActionOperator(user: "bob", host: "ops2", pid: 7)

    /// The lines of one action: `started`, and `finished` unless `outcome` is nil (the process died).
    static func lines(_ id: String, _ kind: ActionPlan.Kind, at start: LogTimestamp, by actor: ActionOperator = alice,
                      key: ServiceKey = apiProduction, from: String, to: String,
                      outcome: JournalEntry.Outcome?, milliseconds: Int64 = 3200) -> [JournalEntry] {
        let started = JournalEntry(id: id, time: start, phase: .started, actor: actor, key: key, kind: kind,
                                   from: .init(version: from), to: .init(version: to, digest: Fleet.digestB))
        guard let outcome else { return [started] }
        var finished = started
        finished.phase = .finished
        finished.time = LogTimestamp(nanosecondsSinceEpoch: start.nanosecondsSinceEpoch + milliseconds * 1_000_000)
        finished.outcome = outcome
        finished.durationMilliseconds = milliseconds
        return [started, finished]
    }

    static func fold(_ entries: [JournalEntry]) -> [JournalAction] {
        var folder = JournalFolder()
        for entry in entries { folder.add(entry) }
        return folder.actions
    }

    /// A deploy an hour ago that went well, a rollback a day and a half ago that died mid-way
    /// (kill -9), and a promote of another service.
    static let actions = fold(
        lines("d1", .deploy, at: Fleet.ago(3600), from: "1.4.2", to: "1.4.3", outcome: .ok)
            + lines("r1", .rollback, at: Fleet.ago(36 * 3600), by: bob, from: "1.4.1", to: "1.4.0", outcome: nil)
            + lines("p1", .promote, at: Fleet.ago(60), key: Fleet.key("web", "production"), from: "a", to: "b", outcome: .failed))

    static func dashboardWithJournal() -> DashboardState {
        var state = Fleet.dashboard()
        _ = DashboardReducer.reduce(&state, .journalLoaded(apiProduction, actions.filter { $0.key == apiProduction }))
        return state
    }

    /// The History pane's box as text, found by its title: from its top-left corner to its
    /// top-right one, down to its bottom edge.
    static func historyPane(_ state: DashboardState, _ columns: Int, _ rows: Int, style: BoxStyle = .unicode) -> [String] {
        let screen = DashboardRendererTests.screen(DashboardRendererTests.render(state, columns, rows, style: style).grid)
            .split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let (topLeft, topRight, bottomLeft): (Character, Character, Character) = style == .ascii ? ("+", "+", "+") : ("┌", "┐", "└")
        guard let top = screen.firstIndex(where: { String($0).contains(" 2 History") }),
              let left = screen[top].indices.first(where: { String(screen[top][$0...]).hasPrefix("\(topLeft)\(style == .ascii ? "-" : "─") 2 History") }),
              let right = screen[top][(left + 1)...].firstIndex(of: topRight) else { return [] }
        var lines: [String] = []
        for line in screen[top...] {
            guard line.count > right else { break }
            lines.append(String(line[left...right]))
            if lines.count > 1, line[left] == bottomLeft { break }
        }
        return lines
    }

    @Test func actionsAreMergedWithTheReleasesNewestFirst() {
        let state = Self.dashboardWithJournal()
        // Releases 3h, 2d and 5d old; the deploy 1h and the rollback 36h.
        #expect(state.visibleHistory.map(\.id) == ["journal:d1", "12", "journal:r1", "11", "10"])
        #expect(state.journal[Self.apiProduction]?.map(\.id) == ["d1", "r1"])
        // The selection stays on the live release when the journal arrives.
        #expect(state.selectedReleaseID == "12")
    }

    @Test func aReleaseWithoutATimeKeepsItsPlaceInTheProvidersOrder() {
        let releases = [
            Release(id: "3", version: "3", createdAt: Fleet.ago(100), status: .live),
            Release(id: "2", version: "2", status: .superseded),
            Release(id: "1", version: "1", createdAt: Fleet.ago(500), status: .superseded),
        ]
        let actions = Self.fold(Self.lines("a", .deploy, at: Fleet.ago(50), from: "2", to: "3", outcome: .ok)
            + Self.lines("b", .deploy, at: Fleet.ago(300), from: "1", to: "2", outcome: .ok)
            + Self.lines("c", .deploy, at: Fleet.ago(900), from: "0", to: "1", outcome: .cancelled))
        #expect(HistoryRow.merged(releases: releases, actions: actions).map(\.id)
            == ["journal:a", "3", "2", "journal:b", "1", "journal:c"])
        #expect(HistoryRow.merged(releases: [], actions: actions).map(\.id) == ["journal:a", "journal:b", "journal:c"])
        #expect(HistoryRow.merged(releases: releases, actions: []).map(\.id) == ["3", "2", "1"])
    }

    @Test func theReducerKeepsTheNewestActionsOnly() {
        var state = Fleet.dashboard()
        let many = Self.fold((0..<(HistoryJournal.keptActions + 20)).flatMap { n in
            Self.lines("a\(n)", .deploy, at: Fleet.ago(Int64(10_000 - n)), from: "x", to: "y", outcome: .ok)
        })
        _ = DashboardReducer.reduce(&state, .journalLoaded(Self.apiProduction, many))
        let kept = state.journal[Self.apiProduction] ?? []
        #expect(kept.count == HistoryJournal.keptActions)
        #expect(kept.first?.id == "a\(HistoryJournal.keptActions + 19)" && kept.last?.id == "a20")
    }

    @Test func theSelectionMovesThroughActionsToo() {
        var state = Self.dashboardWithJournal()
        DashboardReducerTests.press(&state, .character("2"))
        DashboardReducerTests.press(&state, .character("k"))
        #expect(state.selectedReleaseID == "journal:d1")
        DashboardReducerTests.press(&state, .character("j"), .character("j"))
        #expect(state.selectedReleaseID == "journal:r1")
        let status = DashboardRendererTests.render(state, 80, 24).grid.rowText(23)
        #expect(status.contains("3/5"), "status line: \(status)")
    }

    @Test func theFilterMatchesActionsByKindOperatorOutcomeAndOpsdeck() {
        var state = Self.dashboardWithJournal()
        DashboardReducerTests.press(&state, .character("2"))
        func rows(_ text: String) -> [String] {
            DashboardReducerTests.press(&state, .escape, .character("/"))
            DashboardReducerTests.type(&state, text)
            DashboardReducerTests.press(&state, .enter)
            return state.visibleHistory.map(\.id)
        }
        #expect(rows("opsdeck") == ["journal:d1", "journal:r1"])
        #expect(rows("rollback") == ["journal:r1"])
        #expect(rows("bob@ops2") == ["journal:r1"])
        #expect(rows("interrupted") == ["journal:r1"])
        #expect(rows("1.4.3") == ["journal:d1"])
        #expect(rows("superseded") == ["11"])
        #expect(state.selectedReleaseID == "11")
        let title = Self.historyPane(state, 160, 48).first ?? ""
        #expect(title.contains("1 of 5"), "title: \(title)")
    }

    @Test func at80x24ActionsAreMarkedWithTheirOutcomeAndTheInterruptedOneSaysSo() {
        let pane = Self.historyPane(Self.dashboardWithJournal(), 80, 24)
        #expect(pane == [
            "┌─ 2 History · api/production · 2s ago ┐",
            "│  VERSION  FROM       WHEN STATUS     │",
            "│▸ 1.4.3    1.4.2    1h ago ok         │",
            "│● 1.4.2             3h ago live       │",
            "│▸ 1.4.0    1.4.1    1d ago interrupted│",
            "│  1.4.1             2d ago superseded │",
            "└──────────────────────────────────────┘",
        ])
        let grid = DashboardRendererTests.render(Self.dashboardWithJournal(), 80, 24).grid
        #expect(grid.size == Size(columns: 80, rows: 24))
        #expect(DashboardRendererTests.role(of: "interrupted", row: 13, in: grid) == .statusDegraded)
        #expect(DashboardRendererTests.role(of: "▸", row: 11, in: grid) == .logMarker)
        let ascii = Self.historyPane(Self.dashboardWithJournal(), 80, 24, style: .ascii)
        #expect(ascii.count > 2 && ascii[2].hasPrefix("|> 1.4.3 "))
    }

    @Test func aWideHistoryShowsTheKindWhoAndHowLongItTook() {
        var state = Self.dashboardWithJournal()
        DashboardReducerTests.press(&state, .character("2"), .enter) // zoomed: the whole screen
        let pane = Self.historyPane(state, 120, 24)
        let header = pane.count > 1 ? pane[1] : ""
        #expect(header.contains("KIND") && header.contains("TOOK") && header.contains("DIGEST"), "\(header)")
        #expect(header.contains("KIND") && header.contains("FROM"))
        let deploy = pane.first { $0.contains("deploy") } ?? ""
        #expect(deploy.contains("1.4.3") && deploy.contains("1.4.2") && deploy.contains("alice@ops1") && deploy.contains(" ok ")
                && deploy.contains("3.2s") && deploy.contains("9a8b7c6d5e4f"), "\(deploy)")
        let rollback = pane.first { $0.contains("rollback") } ?? ""
        #expect(rollback.contains("1.4.0") && rollback.contains("1.4.1") && rollback.contains("bob@ops2") && rollback.contains("interrupted"), "\(rollback)")
        let release = pane.first { $0.contains("live") } ?? ""
        #expect(release.contains("release"), "\(release)")
    }

    @Test func withoutActionsTheHistoryHasNoKindOrTookColumn() {
        var state = Fleet.dashboard()
        DashboardReducerTests.press(&state, .character("2"), .enter)
        let header = Self.historyPane(state, 120, 24).dropFirst().first ?? ""
        #expect(header.contains("VERSION") && !header.contains("KIND") && !header.contains("TOOK"), "\(header)")
    }

    @Test func actionsShowWhileTheReleasesFailOrAreStillLoading() {
        var state = Fleet.dashboard()
        DashboardReducerTests.press(&state, .character("j")) // web/staging: no history yet
        let key = Fleet.key("web", "staging")
        _ = DashboardReducer.reduce(&state, .journalLoaded(key, Self.fold(
            Self.lines("w", .deploy, at: Fleet.ago(120), key: key, from: "a", to: "b", outcome: .timedOut))))
        #expect(state.visibleHistory.map(\.id) == ["journal:w"])
        _ = DashboardReducer.reduce(&state, .releasesFailed(key, "docker: not logged in", at: Fleet.ago(1)))
        let pane = Self.historyPane(state, 80, 24).joined(separator: "\n")
        #expect(pane.contains("not logged in") && pane.contains("timed out"), "\(pane)")
    }

    @Test func theJournalsTailGivesOneServicesActionsSkippingDamage() {
        var bytes: [UInt8] = Array("tail of a line cut by the read\"}\n".utf8)
        for entry in Self.lines("d1", .deploy, at: Fleet.ago(3600), from: "1.4.2", to: "1.4.3", outcome: .ok) {
            bytes += entry.line
        }
        bytes += Array("{\"not\": a journal line\n".utf8)
        for entry in Self.lines("r1", .rollback, at: Fleet.ago(7200), from: "1.4.1", to: "1.4.0", outcome: nil)
            + Self.lines("p1", .promote, at: Fleet.ago(60), key: Fleet.key("web", "production"), from: "a", to: "b", outcome: .ok) {
            bytes += entry.line
        }
        bytes += Array("{\"id\":\"half".utf8) // a line the writer never finished
        let tail = JournalTail(bytes: bytes, startsMidLine: true)
        let found = tail.actions(of: Self.apiProduction, limit: HistoryJournal.keptActions)
        #expect(found.actions.map(\.id) == ["d1", "r1"])
        #expect(found.actions.map(\.outcome) == [.ok, .interrupted])
        #expect(found.skippedLines == 2)
        #expect(tail.actions(of: Self.apiProduction, limit: 1).actions.map(\.id) == ["d1"])
        // Read from the start, the first line is whole and damaged: one more skipped, nothing lost.
        #expect(JournalTail(bytes: bytes, startsMidLine: false).actions(of: Self.apiProduction, limit: 100).skippedLines == 3)
        #expect(JournalTail(bytes: [], startsMidLine: false).actions(of: Self.apiProduction, limit: 100).actions.isEmpty)
        #expect(JournalTail(bytes: Array("no newline".utf8), startsMidLine: true).actions(of: Self.apiProduction, limit: 100)
            .actions.isEmpty)
    }

    @Test func hostileTextInTheJournalIsShownEscaped() {
        var state = Fleet.dashboard()
        let evil = ActionOperator(user: "eve\u{1B}[2J", host: "h", pid: 1)
        _ = DashboardReducer.reduce(&state, .journalLoaded(Self.apiProduction, Self.fold(
            Self.lines("e", .deploy, at: Fleet.ago(10), by: evil, from: "\u{1B}]0;x\u{07}", to: "2", outcome: .ok))))
        DashboardReducerTests.press(&state, .character("2"), .enter)
        let grid = DashboardRendererTests.render(state, 160, 24).grid
        for row in 0..<grid.size.rows {
            #expect(!grid.rowText(row).unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        }
    }
}
