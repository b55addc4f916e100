import Foundation
import Testing

/// The first frame of `opsdeck view` on a file: the box with its title, the records, the status bar.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ViewCommandScreenTests {
    @Test func firstScreenShowsTheTitleTheRecordsAndTheStatus() throws {
        let folder = try ScratchFolder()
        try folder.write("app.log", mixedLog)
        let session = try startView("app.log", in: folder)
        #expect(session.waitFor("10/10"))
        let screen = try session.screen()
        let lines = screenLines(screen)
        #expect(lines.count >= 30)
        #expect(lines[0].hasPrefix("┌─ app.log · 10 of 10 records ─"))
        #expect(lines[0].hasSuffix("┐"))
        // One record of each format, with its level, in file order.
        #expect(lines[1] == "│2023-11-14T22:13:20.000Z INFO   server started port=8080" + String(repeating: " ", count: 62) + "│")
        #expect(lines[3].contains("2023-11-14T22:13:22.000Z WARN   disk usage high"))
        #expect(lines[5].contains("2023-11-14T22:13:24.000Z ERROR  payment failed user_id=42"))
        #expect(lines[10].contains("2023-11-14T22:13:29.000Z INFO   connection restored"))
        #expect(lines[27].hasPrefix("└") && lines[27].hasSuffix("┘"))
        #expect(lines[28].hasPrefix("rate/s "))
        let status = statusBar(screen)
        #expect(status.hasPrefix(" FOLLOW"))
        #expect(status.hasSuffix("10/10  ? help"))
    }
}

/// A terminal without a UTF-8 locale: what it cannot show takes its columns as `?` (`~` for the
/// ellipsis of cut text), so every border stays where it belongs.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ViewCommandASCIILocaleTests {
    @Test func textTheLocaleCannotShowKeepsTheColumnsInPlace() throws {
        let folder = try ScratchFolder()
        let long = String(repeating: "x", count: 120)
        try folder.write("app.log", """
            {"level":"info","msg":"東京 café naïve ✓ done"}
            {"level":"warn","msg":"cut here \(long)"}
            {"level":"error","msg":"plain ascii"}

            """)
        let session = try startView("app.log", in: folder, columns: 80, rows: 12,
                                    environment: ["LANG": "C", "LC_ALL": "C"])
        #expect(session.waitFor("3/3"))
        let lines = screenLines(try session.screen())
        #expect(lines[0].hasPrefix("+- app.log - 3 of 3 records -"))
        // Every row of the box is exactly as wide as the screen, its right border in place.
        for row in 1...7 { #expect(lines[row].count == 80 && lines[row].hasSuffix("|"), "row \(row): \(lines[row])") }
        #expect(lines[1].contains("?? caf? na?ve ? done"))
        #expect(lines[2].hasSuffix("xxx|"))
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }
}
