import Foundation
import Glibc
import Testing

/// A program running in a detached tmux session, driven and read the way a person at a terminal
/// would: keys in through `send-keys`, the screen out through `capture-pane`.
///
/// Each session has a server of its own on a socket in a fresh temporary folder (a reused socket can
/// fail right after `kill-server`), ignores the user's `~/.tmux.conf` (`-f /dev/null`), and sets
/// `ESCDELAY=25` so a lone Escape reaches curses in tens of milliseconds instead of a second. Waiting
/// is always polling `capture-pane` against a deadline, never a fixed sleep.
final class TmuxSession {
    private static let target = "t"
    let folder: String
    private let socket: String
    private var stopped = false
    /// Where the exit status of a `remainOnExit` command is written.
    private var statusFile: String { folder + "/status" }

    /// Whether a `tmux` executable is on `PATH`.
    static var isAvailable: Bool { executable != nil }

    /// Suites that need tmux run when it is installed, and always in CI (`CI=true`), where a missing
    /// tmux must fail the run loudly instead of skipping the terminal tests.
    static var shouldRun: Bool {
        isAvailable || ProcessInfo.processInfo.environment["CI"].map { $0 == "true" || $0 == "1" } == true
    }

    private static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first(where: FileManager.default.isExecutableFile(atPath:))
    }()

    /// Starts `command` (run by `/bin/sh -c` inside the pane) on a `columns` × `rows` terminal.
    /// `environment` is set inside the pane on top of a UTF-8 locale, UTC and `TERM=tmux-256color`.
    /// With `remainOnExit` the pane outlives the command, so its last screen and exit status stay
    /// readable.
    init(_ command: String, columns: Int = 120, rows: Int = 30, environment: [String: String] = [:],
         remainOnExit: Bool = false, currentDirectory: String? = nil) throws {
        guard TmuxSession.executable != nil else { throw TmuxError.missing }
        var template = Array((NSTemporaryDirectory() + "/opsdeck-tmux.XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TmuxError.failed("mkdtemp", "errno \(errno)")
        }
        folder = String(cString: made)
        socket = folder + "/socket"
        let paneEnvironment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC", "ESCDELAY": "25",
                               "TERM": "tmux-256color", "PS1": "$ "]
            .merging(environment) { _, new in new }
        var arguments = ["new-session", "-d", "-s", TmuxSession.target, "-x", String(columns), "-y", String(rows)]
        if let currentDirectory { arguments += ["-c", currentDirectory] }
        for (name, value) in paneEnvironment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        // The option is set on the server before the command can run (and maybe end) in its pane.
        if remainOnExit {
            arguments = ["set-option", "-g", "remain-on-exit", "on", ";", "start-server", ";"] + arguments
        }
        // tmux does not always learn a pane's exit status (`#{pane_dead_status}` can stay empty
        // for good): the shell writes it to a file instead.
        arguments.append(remainOnExit ? "(\(command)); echo $? > \(shellQuoted(statusFile))" : command)
        do {
            try run(arguments)
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Presses keys by tmux name: `"j"`, `"Enter"`, `"Escape"`, `"C-c"`, `"Down"`.
    func keys(_ keys: String...) throws { try run(["send-keys", "-t", TmuxSession.target] + keys) }

    /// Types `text` as it is, without reading key names in it.
    func literal(_ text: String) throws { try run(["send-keys", "-t", TmuxSession.target, "-l", text]) }

    /// The visible screen as plain text, one line per row.
    func screen() throws -> String { try run(["capture-pane", "-p", "-t", TmuxSession.target]) }

    /// The visible screen with its SGR attributes as escape sequences (`capture-pane -e`).
    func screenWithEscapes() throws -> String { try run(["capture-pane", "-p", "-e", "-t", TmuxSession.target]) }

    func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", TmuxSession.target, "-x", String(columns), "-y", String(rows)])
    }

    /// The command in the pane has ended (only observable with `remainOnExit`).
    var isDead: Bool { (try? paneFormat("#{pane_dead}")) == "1" }

    /// The exit status of a `remainOnExit` command once it has ended (128 + N for signal N), nil
    /// while it runs.
    var exitStatus: Int? {
        guard isDead, let text = try? String(contentsOfFile: statusFile, encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A tmux format (`#{pane_title}`, `#{pane_dead}`) read for the pane.
    func paneFormat(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", TmuxSession.target, format])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen about every 10 ms until it contains `text`. On timeout records an issue that
    /// shows the last screen, and returns false.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(5),
                 sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        waitUntil("the screen to show \"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Polls the screen about every 10 ms until `predicate` holds for it. On timeout records an
    /// issue naming `what` with the last screen, and returns false.
    @discardableResult
    func waitUntil(_ what: String, timeout: Duration = .seconds(5), escapes: Bool = false,
                   sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var last = ""
        while true {
            // The server can be gone for a moment while a pane dies; that is just "not yet".
            if let shown = try? (escapes ? screenWithEscapes() : screen()) {
                last = shown
                if predicate(shown) { return true }
            }
            if ContinuousClock.now >= deadline { break }
            usleep(10_000)
        }
        Issue.record("waited \(timeout) for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        return false
    }

    /// Polls until the pane's command has ended and its status is known (needs `remainOnExit`);
    /// records an issue on timeout.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(5), sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while exitStatus == nil {
            guard ContinuousClock.now < deadline else {
                let shown = (try? screen()) ?? ""
                Issue.record("the command in the pane did not end within \(timeout); the screen was:\n\(shown)",
                             sourceLocation: sourceLocation)
                return false
            }
            usleep(10_000)
        }
        return true
    }

    /// Ends the server (and with it the pane's processes) and removes the socket's folder.
    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: folder)
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        guard let tmux = TmuxSession.executable else { throw TmuxError.missing }
        // A clean environment: no TMUX from a surrounding session, a UTF-8 locale so tmux keeps
        // wide and box-drawing characters.
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                           "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        let child = try ChildProcess(tmux, ["-S", socket, "-f", "/dev/null"] + arguments,
                                     environment: environment, inheritEnvironment: false)
        let result = child.waitKillingOnOverrun(timeout: .seconds(10))
        guard result.exitCode == 0 else {
            throw TmuxError.failed(arguments.joined(separator: " "), result.stderrText + (result.timedOut ? " (timed out)" : ""))
        }
        return result.stdoutText
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case missing
    case failed(String, String)

    var description: String {
        switch self {
        case .missing:
            "tmux is not installed (no tmux on PATH): the terminal tests need it; install it with `apt-get install tmux`"
        case .failed(let command, let message):
            "tmux \(command) failed: \(message)"
        }
    }
}
