import Foundation
import Testing

/// `opsdeck view` follows its file as it grows, and counts what arrives below while paused.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ViewCommandFollowTests {
    @Test func appendedRecordsAppearAndTheCountGrows() throws {
        let folder = try ScratchFolder()
        try folder.write("app.log", mixedLog)
        let session = try startView("app.log", in: folder)
        #expect(session.waitFor("app.log · 10 of 10 records"))
        try folder.append("app.log", "level=error ts=2023-11-14T22:13:30Z msg=\"late failure\"\n{\"level\":30,\"time\":1700000011000,\"msg\":\"late recovery\"}\n")
        #expect(session.waitFor("app.log · 12 of 12 records"))
        let screen = try session.screen()
        #expect(screen.contains("ERROR  late failure") && screen.contains("INFO   late recovery"))
        #expect(statusBar(screen).hasPrefix(" FOLLOW") && statusBar(screen).contains("12/12"))
    }

    @Test func whilePausedNewRecordsAreCountedBelow() throws {
        let folder = try ScratchFolder()
        try folder.write("app.log", mixedLog)
        let session = try startView("app.log", in: folder)
        #expect(session.waitFor("10/10"))
        try session.keys("k")
        #expect(session.waitUntil("PAUSED") { statusBar($0).hasPrefix(" PAUSED") })
        try folder.append("app.log", "late one\nlate two\nlate three\n")
        #expect(session.waitUntil("+3 new below") { statusBar($0).contains("+3 new below") })
        let status = statusBar(try session.screen())
        #expect(status.contains(" 9/13 "))
        try session.keys("G")
        #expect(session.waitUntil("following again at 13/13") { statusBar($0).hasPrefix(" FOLLOW") && statusBar($0).contains("13/13") })
        #expect(!statusBar(try session.screen()).contains("new below"))
    }
}
