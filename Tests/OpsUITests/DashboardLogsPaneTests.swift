import Testing
import OpsCore
@testable import OpsUI

/// With the Logs pane focused the log view's keys work there as in `opsdeck view`: search,
/// filter, levels, the open record, saving; the dashboard keeps its pane keys.
@Suite struct DashboardLogsPaneTests {
    static func focusedLogs() -> DashboardState {
        var state = Fleet.dashboard()
        _ = DashboardReducer.reduce(&state, .key(.character("3")))
        _ = DashboardReducer.reduce(&state, .viewport(DashboardReducerTests.viewport(logsRows: 5)))
        return state
    }

    @Test func movingKeysMoveTheRecordsNotTheServices() {
        var state = Self.focusedLogs()
        DashboardReducerTests.press(&state, .character("k"), .character("k"))
        #expect(state.logs.selected == 9 && !state.logs.following)
        #expect(state.selectedKey == Fleet.key("api", "production"))
        DashboardReducerTests.press(&state, .character("g"))
        #expect(state.logs.selected == 0)
        DashboardReducerTests.press(&state, .pageDown)
        #expect(state.logs.selected == 5)
        DashboardReducerTests.press(&state, .character("G"))
        #expect(state.logs.selected == 11 && state.logs.following)
    }

    @Test func slashSearchesAndEscClearsTheSearch() {
        var state = Self.focusedLogs()
        DashboardReducerTests.press(&state, .character("/"))
        #expect(state.logs.prompt == .search && state.prompt == nil)
        // While the log view's prompt is open, every key is typed into it, even dashboard keys.
        DashboardReducerTests.type(&state, "orders/3 q1")
        #expect(state.logs.promptText == "orders/3 q1" && state.focus == .logs)
        DashboardReducerTests.press(&state, .backspace, .backspace, .backspace, .enter)
        #expect(state.logs.search == "orders/3")
        DashboardReducerTests.press(&state, .escape)
        #expect(state.logs.search == nil)
    }

    @Test func levelsFiltersAndErrorsAreTheLogViews() {
        var state = Self.focusedLogs()
        DashboardReducerTests.press(&state, .character("l"), .character("l"), .character("l"))
        #expect(state.logs.levelOverride == .warn && state.logs.visibleCount == 4)
        DashboardReducerTests.press(&state, .character("f"))
        DashboardReducerTests.type(&state, "status>=500")
        DashboardReducerTests.press(&state, .enter)
        #expect(state.logs.filterText == "status>=500" && state.logs.visibleCount == 2)
        DashboardReducerTests.press(&state, .character("g"), .character("e"))
        #expect(state.logs.selectedRecord?.level == .error)
    }

    @Test func saveAndTheLogViewsCommandsComeBackAsDashboardEffects() {
        var state = Self.focusedLogs()
        DashboardReducerTests.press(&state, .character("s"))
        #expect(state.logs.prompt == .save)
        #expect(DashboardReducerTests.press(&state, .enter) == [.save(path: "opsdeck-export.jsonl")])
        #expect(DashboardReducerTests.command(&state, "w /tmp/out.jsonl") == [.save(path: "/tmp/out.jsonl")])
        #expect(DashboardReducerTests.command(&state, "level error").isEmpty)
        #expect(state.logs.levelOverride == .error)
        DashboardReducerTests.command(&state, "level loud")
        #expect(state.messageIsError && state.message == "'loud' is not a level" && state.logs.message == nil)
        DashboardReducerTests.command(&state, "wrap")
        #expect(state.logs.wrap)
        DashboardReducerTests.command(&state, "time off")
        #expect(state.logs.timeStyle == .off)
    }

    @Test func aBadFilterCommandReopensTheLogViewsFilterPrompt() {
        var state = Self.focusedLogs()
        DashboardReducerTests.command(&state, "filter level>=bogus")
        #expect(state.logs.prompt == .filter && state.logs.messageIsError)
        DashboardReducerTests.press(&state, .control("u"))
        DashboardReducerTests.type(&state, "level>=error")
        DashboardReducerTests.press(&state, .enter)
        #expect(state.logs.prompt == nil && state.logs.filterText == "level>=error")
    }

    @Test func theDashboardKeepsItsPaneKeysInLogs() {
        var state = Self.focusedLogs()
        #expect(DashboardReducerTests.press(&state, .character("r")) == [.refresh, .loadReleases(Fleet.key("api", "production"))])
        DashboardReducerTests.press(&state, .character("?"))
        #expect(state.showingHelp && !state.logs.showingHelp)
        DashboardReducerTests.press(&state, .escape, .character(":"))
        #expect(state.prompt == .command && state.logs.prompt == nil)
        DashboardReducerTests.press(&state, .escape, .character("1"))
        #expect(state.focus == .services)
    }
}
