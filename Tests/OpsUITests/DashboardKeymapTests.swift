import Testing
@testable import OpsUI

@Suite struct DashboardKeymapTests {
    @Test func everyIntentHasOneRowAndTheKeysTheIssueNames() {
        let map = Keymap<DashboardIntent>.dashboard
        #expect(Set(map.bindings.map(\.intent)).count == map.bindings.count)
        #expect(map.intent(for: .tab) == .nextPane && map.intent(for: .backTab) == .previousPane)
        #expect(map.intent(for: .character("1")) == .focus(.services) && map.intent(for: .character("4")) == .focus(.details))
        #expect(map.intent(for: .enter) == .open && map.intent(for: .character("Z")) == .toggleZoom)
        #expect(map.intent(for: .escape) == .close && map.intent(for: .character("/")) == .filter)
        #expect(map.intent(for: .character(":")) == .command && map.intent(for: .character("r")) == .refresh)
        #expect(map.intent(for: .character("?")) == .help && map.intent(for: .character("q")) == .quit)
        for (keys, intent) in [([Key.character("j"), .down], DashboardIntent.lineDown), ([.character("k"), .up], .lineUp),
                               ([.character("g"), .home], .top), ([.character("G"), .end], .bottom),
                               ([.pageDown], .pageDown), ([.pageUp], .pageUp)] {
            for key in keys { #expect(map.intent(for: key) == intent) }
        }
    }

    @Test func theLogsPaneKeepsEveryLogViewKeyTheDashboardDoesNotTakeEverywhere() {
        let logs = Keymap<LogViewIntent>.logsPane
        #expect(logs.intent(for: .enter) == .openDetail && logs.intent(for: .character("/")) == .search)
        #expect(logs.intent(for: .character("z")) == .toggleWrap && logs.intent(for: .character("l")) == .cycleLevel)
        #expect(logs.intent(for: .character("q")) == nil && logs.intent(for: .character("?")) == nil)
        #expect(logs.intent(for: .character(":")) == nil)
        for binding in logs.bindings {
            for key in binding.keys {
                #expect(Keymap<DashboardIntent>.dashboard.intent(for: key)?.isGlobal != true, "\(key.label)")
            }
        }
    }

    @Test func helpIsGeneratedFromBothKeymaps() {
        let sections = DashboardHelp.sections()
        #expect(sections.map(\.title) == ["Panes", "Move", "Filter", "Change", "Other", "Logs pane: Move", "Logs pane: Find",
                                          "Logs pane: Filter", "Logs pane: Show", "Logs pane: Other"])
        #expect(sections[0].rows.first?.keys == "Tab")
        #expect(sections.last?.rows.map(\.keys) == ["s"])
        let table = Keymap<DashboardIntent>.dashboard.markdownTable()
        #expect(table.contains("| `Z` | zoom the focused pane, again to unzoom |"))
    }
}
