import Foundation
import Testing

/// Where `opsdeck view` reads from: a pipe on standard input (keys then come from the terminal),
/// and nothing at all, which is a usage error.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ViewCommandInputTests {
    /// From a shell, as a user runs it: tmux does not always learn the exit status of a pane's
    /// own command, the shell reports it reliably.
    @Test func readsAPipeWhileTakingKeysFromTheTerminal() throws {
        let folder = try ScratchFolder()
        try folder.write("app.log", mixedLog)
        let session = try startShell(in: folder)
        try session.literal("cat app.log | " + (try opsdeckCommand("view")) + "; echo status-$?")
        try session.keys("Enter")
        #expect(session.waitFor("standard input · 10 of 10 records"))
        #expect(session.waitFor("10/10  ? help"))
        try session.keys("g")
        #expect(session.waitUntil("1/10") { statusBar($0).contains(" 1/10 ") })
        try session.keys("q")
        #expect(session.waitFor("status-0"))
    }

    @Test func readsAPipeThatStaysOpen() throws {
        let folder = try ScratchFolder()
        let session = try TmuxSession("{ printf 'first line\\nsecond line\\n'; sleep 30; } | " + (try opsdeckCommand("view")),
                                      currentDirectory: folder.path)
        #expect(session.waitFor("standard input · 2 of 2 records"))
        #expect(session.waitFor("second line"))
        try session.keys("g")
        #expect(session.waitUntil("1/2") { statusBar($0).contains(" 1/2 ") })
    }

    /// Run from a shell that stays: tmux can lose what a pane prints when its command ends at once.
    @Test func withoutFilesAndAKeyboardOnStandardInputItExits64() throws {
        let folder = try ScratchFolder()
        let session = try startShell(in: folder)
        try session.literal(try opsdeckCommand("view") + "; echo status-$?")
        try session.keys("Enter")
        #expect(session.waitFor("status-64"))
        #expect((try session.screen()).contains("Error: give files to read, or pipe logs in"))
    }
}
