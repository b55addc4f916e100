import OpsUI
import Testing
@testable import OpsCurses

@Suite struct KeyDecodingTests {
    // ncurses' key codes (octal in curses.h), written out so the test checks the table.
    @Test func functionKeysMapToKeys() {
        #expect(KeyDecoding.functionKey(0o403) == .up)
        #expect(KeyDecoding.functionKey(0o402) == .down)
        #expect(KeyDecoding.functionKey(0o404) == .left)
        #expect(KeyDecoding.functionKey(0o405) == .right)
        #expect(KeyDecoding.functionKey(0o406) == .home)
        #expect(KeyDecoding.functionKey(0o550) == .end)
        #expect(KeyDecoding.functionKey(0o523) == .pageUp)
        #expect(KeyDecoding.functionKey(0o522) == .pageDown)
        #expect(KeyDecoding.functionKey(0o407) == .backspace)
        #expect(KeyDecoding.functionKey(0o512) == .delete)
        #expect(KeyDecoding.functionKey(0o541) == .backTab)
        #expect(KeyDecoding.functionKey(0o527) == .enter)
        #expect(KeyDecoding.functionKey(0o632) == .resize)
        #expect(KeyDecoding.functionKey(0o410 + 1) == .function(1))
        #expect(KeyDecoding.functionKey(0o410 + 12) == .function(12))
        #expect(KeyDecoding.functionKey(0o410) == nil)
        #expect(KeyDecoding.functionKey(0o513) == nil) // KEY_IC: no key in the UI
    }

    @Test func controlCodesMapToNamedKeys() {
        #expect(KeyDecoding.character(13) == .enter)
        #expect(KeyDecoding.character(10) == .enter)
        #expect(KeyDecoding.character(27) == .escape)
        #expect(KeyDecoding.character(9) == .tab)
        #expect(KeyDecoding.character(127) == .backspace)
        #expect(KeyDecoding.character(8) == .backspace)
        #expect(KeyDecoding.character(1) == .control("a"))
        #expect(KeyDecoding.character(3) == .control("c"))
        #expect(KeyDecoding.character(4) == .control("d"))
        #expect(KeyDecoding.character(26) == .control("z"))
    }

    @Test func printableCharactersPassThroughAndOtherControlsAreDropped() {
        #expect(KeyDecoding.character(UInt32(UInt8(ascii: "q"))) == .character("q"))
        #expect(KeyDecoding.character(UInt32(UInt8(ascii: " "))) == .character(" "))
        #expect(KeyDecoding.character(0x6771) == .character("東"))
        #expect(KeyDecoding.character(0x1F600) == .character("😀"))
        #expect(KeyDecoding.character(0) == nil)
        #expect(KeyDecoding.character(28) == nil)
        #expect(KeyDecoding.character(0x9B) == nil) // C1 CSI
        #expect(KeyDecoding.character(0xD800) == nil) // a surrogate is no scalar
        #expect(KeyDecoding.character(0x110000) == nil)
    }
}
