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
