import Foundation
import Testing

/// Ctrl-C ends `opsdeck view` and leaves the terminal as the shell had it.
@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ViewCommandExitTests {
    @Test func controlCEndsTheViewAndRestoresTheTerminal() throws {
        let folder = try ScratchFolder()
        try folder.write("app.log", mixedLog)
        let session = try startShell(in: folder)
        try session.literal("s=$(stty -g)")
        try session.keys("Enter")
        try session.literal(try opsdeckCommand("view app.log"))
        try session.keys("Enter")
        #expect(session.waitFor("10/10  ? help"))
        try session.keys("C-c")
        // SIGINT's status (128 + 2), the terminal's modes as before, and the normal screen back.
        try session.literal(#"echo "back-$? tty-$([ "$s" = "$(stty -g)" ] && echo same || echo changed)""#)
        try session.keys("Enter")
        #expect(session.waitFor("back-130 tty-same"))
        #expect(!(try session.screen()).contains("? help"))
        #expect(!session.isDead)
    }
}
