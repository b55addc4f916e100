import Foundation
import Testing

/// Helpers shared by the `opsdeck view` suites — a mixed log to look at and a way to start the view
/// in tmux — and a suite checking the tmux harness itself, since every view test relies on it.

/// Ten records in three formats (pino JSON, logfmt, plain text), a second apart from
/// 2023-11-14T22:13:20Z: errors at records 5, 7 and 9, warnings at 3 and 4, user_id=42 at 4, 5, 9.
let mixedLog = """
{"level":30,"time":1700000000000,"msg":"server started","port":8080}
level=info ts=2023-11-14T22:13:21Z msg="cache warm" entries=100
2023-11-14T22:13:22Z WARN disk usage high
{"level":40,"time":1700000003000,"msg":"slow request","user_id":42}
level=error ts=2023-11-14T22:13:24Z msg="payment failed" user_id=42
{"level":30,"time":1700000005000,"msg":"request ok","user_id":7}
2023-11-14T22:13:26Z ERROR database connection lost
level=debug ts=2023-11-14T22:13:27Z msg="retrying connection" attempt=1
{"level":50,"time":1700000008000,"msg":"upstream timeout","user_id":42}
level=info ts=2023-11-14T22:13:29Z msg="connection restored"

"""

/// `text` quoted for `/bin/sh`.
func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }

/// The `opsdeck` command line for a shell, the binary's path quoted.
func opsdeckCommand(_ arguments: String) throws -> String { shellQuoted(try OpsdeckBinary.path()) + " " + arguments }

/// Starts `opsdeck view ARGUMENTS` in tmux, working in `folder`, and waits for its first frame
/// (the status bar's help hint). `arguments` is shell text.
func startView(_ arguments: String, in folder: ScratchFolder, columns: Int = 120, rows: Int = 30,
               environment: [String: String] = [:], remainOnExit: Bool = false,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> TmuxSession {
    let session = try TmuxSession("exec " + (try opsdeckCommand("view " + arguments)), columns: columns, rows: rows,
                                  environment: environment, remainOnExit: remainOnExit, currentDirectory: folder.path)
    session.waitFor("? help", sourceLocation: sourceLocation)
    return session
}

/// An interactive `bash --norc` in tmux, for tests that check the terminal after the view ends.
func startShell(in folder: ScratchFolder, sourceLocation: SourceLocation = #_sourceLocation) throws -> TmuxSession {
    let session = try TmuxSession("exec bash --norc --noprofile", columns: 120, rows: 30, remainOnExit: true,
                                  currentDirectory: folder.path)
    // The prompt's text depends on the user (root gets `#`): any prompt means bash is reading.
    session.waitUntil("a shell prompt", sourceLocation: sourceLocation) { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    return session
}

/// The screen's lines.
func screenLines(_ screen: String) -> [String] { screen.components(separatedBy: "\n") }

/// The status bar: the last non-empty line of the screen.
func statusBar(_ screen: String) -> String {
    screenLines(screen).last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? ""
}

@Suite(.enabled(if: TmuxSession.shouldRun, "tmux is not installed"))
struct ViewCommandHarnessTests {
    @Test func seesWhatAProgramPrintsAndHowItEnded() throws {
        let session = try TmuxSession("printf 'ready\\n'; read line; echo \"got $line\"; exit 3", columns: 40, rows: 5,
                                      remainOnExit: true)
        #expect(session.waitFor("ready"))
        #expect(!session.isDead)
        try session.literal("a b")
        try session.keys("Enter")
        #expect(session.waitFor("got a b"))
        #expect(session.waitForExit())
        #expect(session.exitStatus == 3)
    }

    @Test func resizesThePane() throws {
        let session = try TmuxSession("while :; do stty size; read; done", columns: 50, rows: 10)
        #expect(session.waitFor("10 50"))
        try session.resize(columns: 30, rows: 7)
        try session.keys("Enter")
        #expect(session.waitFor("7 30"))
    }

    @Test func stopRemovesTheSocketFolder() throws {
        let session = try TmuxSession("sleep 30", columns: 20, rows: 5)
        let folder = session.folder
        #expect(FileManager.default.fileExists(atPath: folder))
        session.stop()
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(throws: TmuxError.self) { try session.screen() }
    }
}
