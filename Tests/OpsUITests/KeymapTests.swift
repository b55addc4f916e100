import Testing
@testable import OpsUI

@Suite struct KeymapTests {
    @Test func everyLogViewIntentHasAKeyAndEveryKeyOneIntent() {
        let map = Keymap<LogViewIntent>.logView
        #expect(map.intent(for: .character("G")) == .followTail)
        #expect(map.intent(for: .end) == .followTail)
        #expect(map.intent(for: .control("d")) == .halfPageDown)
        #expect(map.intent(for: .character("x")) == nil)
        let bound = Set(map.bindings.map(\.intent))
        #expect(bound.count == map.bindings.count) // one row an intent
    }

    @Test func helpAndReadmeAreGeneratedFromTheTable() {
        let map = Keymap<LogViewIntent>.logView
        let sections = map.helpSections()
        #expect(sections.map(\.title) == ["Move", "Find", "Filter", "Show", "Other"])
        #expect(sections[0].rows.first?.keys == "j ↓")
        let table = map.markdownTable()
        #expect(table.contains("| `g` `Home` | first record |"))
        #expect(table.components(separatedBy: "\n").count == map.bindings.count + sections.count + 3)
    }

    @Test func dangerousBindingsVanishWhenReadOnly() {
        enum Intent: Hashable, Sendable { case view, deploy }
        let map = Keymap<Intent>([
            KeyBinding([.character("v")], .view, section: "A", "view"),
            KeyBinding([.character("d")], .deploy, section: "A", "deploy", dangerous: true),
        ])
        #expect(map.available(readOnly: true).map(\.intent) == [.view])
        #expect(map.helpSections(readOnly: true)[0].rows.count == 1)
        #expect(map.available(readOnly: false).count == 2)
    }

    @Test func keyLabelsAreWhatHelpPrints() {
        #expect(Key.control("d").label == "Ctrl-D")
        #expect(Key.character(" ").label == "Space")
        #expect(Key.pageDown.label == "PgDn")
    }
}
