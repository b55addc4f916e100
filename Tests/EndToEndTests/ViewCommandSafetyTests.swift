import Foundation
import Testing

/// A log written by an attacker cannot drive the terminal through `opsdeck view`: escape sequences,
/// C1 controls and bidi overrides show as inert text, and the frame stays where it belongs.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ViewCommandSafetyTests {
    private static let hostile: [UInt8] =
        Array("clear \u{1B}[2J\u{1B}[H forged at home\n".utf8)
        + Array("title \u{1B}]0;pwned\u{07} clip \u{1B}]52;c;cHduZWQ=\u{07} end\n".utf8)
        + Array("c1 ".utf8) + [0xC2, 0x9B] + Array("31m red \u{202E}desrever\n".utf8)
        + Array(#"{"level":50,"msg":"json \u001b[1;1H\u001b[2K overwritten"}"#.utf8) + [0x0A]

    @Test func escapeSequencesShowAsTextAndTheFrameStaysIntact() throws {
        let folder = try ScratchFolder()
        try folder.write("hostile.log", Self.hostile)
        let session = try startView("hostile.log", in: folder)
        #expect(session.waitFor("4/4  ? help"))
        let screen = try session.screen()
        let lines = screenLines(screen)
        #expect(lines[0].hasPrefix("┌─ hostile.log · 4 of 4 records ─") && lines[0].hasSuffix("┐"))
        #expect(lines[1 ..< 27].allSatisfy { $0.hasPrefix("│") && $0.hasSuffix("│") && $0.count == 120 })
        #expect(lines[27].hasPrefix("└") && lines[27].hasSuffix("┘"))
        #expect(statusBar(screen).hasPrefix(" FOLLOW") && statusBar(screen).hasSuffix("4/4  ? help"))
        #expect(lines[1].contains(#"clear \e[2J\e[H forged at home"#))
        #expect(lines[2].contains(#"title \e]0;pwned\x07 clip \e]52;c;cHduZWQ=\x07 end"#))
        #expect(lines[3].contains(#"c1 \u{9b}31m red <U+202E>desrever"#))
        #expect(lines[4].contains(#"json \e[1;1H\e[2K overwritten"#))

        let withEscapes = try session.screenWithEscapes()
        #expect(!withEscapes.contains("\u{1B}]"))
        #expect(!withEscapes.contains("\u{1B}[2J") && !withEscapes.contains("\u{1B}[H"))
        #expect(try session.paneFormat("#{pane_title}") != "pwned")

        // The detail pane escapes too.
        try session.keys("Enter")
        #expect(session.waitFor("record at line 4"))
        let detail = try session.screen()
        #expect(detail.contains(#""message": "json \u001b[1;1H\u001b[2K overwritten","#))
        #expect(screenLines(detail)[0].hasPrefix("┌─ hostile.log · 4 of 4 records"))
    }
}
