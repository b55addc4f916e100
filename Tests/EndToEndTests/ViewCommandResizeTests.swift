import Foundation
import Testing

/// `opsdeck view` redraws at every size the terminal takes, down to too small, without dying.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ViewCommandResizeTests {
    @Test func survivesShrinkingToTooSmallAndGrowingBack() throws {
        let folder = try ScratchFolder()
        try folder.write("app.log", mixedLog)
        let session = try startView("app.log", in: folder, remainOnExit: true)
        #expect(session.waitFor("10/10"))

        try session.resize(columns: 80, rows: 24)
        #expect(session.waitUntil("the frame at 80x24") { screen in
            let lines = screenLines(screen)
            return lines[0].hasPrefix("┌─ app.log · 10 of 10 records") && lines[0].hasSuffix("┐")
                && lines[0].count == 80 && statusBar(screen).hasSuffix("10/10  ? help")
        })
        try session.resize(columns: 40, rows: 10)
        #expect(session.waitUntil("the frame at 40x10") { screen in
            screenLines(screen)[0].count == 40 && screen.contains("INFO   connec") && statusBar(screen).hasSuffix("? help")
        })
        try session.resize(columns: 19, rows: 4)
        #expect(session.waitFor("opsdeck: terminal"))
        try session.resize(columns: 120, rows: 30)
        #expect(session.waitUntil("the frame at 120x30 again") { screen in
            let lines = screenLines(screen)
            return lines[0].hasPrefix("┌─ app.log · 10 of 10 records") && lines[0].count == 120
                && lines[1].contains("server started") && statusBar(screen).hasSuffix("10/10  ? help")
        })
        #expect(!session.isDead)
    }
}
