import ArgumentParser
import Foundation
import OpsCore
import OpsCurses
import OpsUI

struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Triage logs full-screen: follow, search, filter, jump between errors, open a record.",
        discussion: """
        Reads files (and follows them as they grow) or standard input, through the same pipeline as \
        `opsdeck logs`. When standard input is a pipe, keys are read from the terminal, as less does:
          kubectl logs -f deploy/api --prefix --timestamps | opsdeck view
        Press ? for the keys.
        """
    )

    @Argument(help: "Files to read and follow. None reads standard input.")
    var files: [String] = []

    @Option(help: "Theme: default, light, high-contrast, mono, or NAME.yml in $XDG_CONFIG_HOME/opsdeck/themes.")
    var theme = "default"

    @Option(help: "Starting minimum level (l changes it).")
    var level: String?

    @Option(help: ArgumentHelp("Text to find (repeatable; all must match).", valueName: "text"))
    var grep: [String] = []

    @Option(name: .customLong("where"), help: ArgumentHelp("A condition as in `opsdeck logs --where` (repeatable).", valueName: "condition"))
    var conditions: [String] = []

    @Option(help: "Records kept in memory; older ones are dropped (and counted on screen).")
    var capacity = 200_000

    func validate() throws {
        _ = try query(now: LogsQueryOptions.now())
        guard capacity > 0 else { throw ValidationError("--capacity must be at least 1") }
        if files.isEmpty, isatty(STDIN_FILENO) == 1 {
            throw ValidationError("give files to read, or pipe logs in: kubectl logs -f deploy/api | opsdeck view")
        }
    }

    private func query(now: LogTimestamp) throws -> LogQuery {
        try LogsQueryOptions(level: level, grep: grep, regex: [], conditions: conditions, since: nil, until: nil)
            .query(now: now, timestamps: LogsQueryOptions.timestamps(now: now))
    }

    func run() throws {
        let now = LogsQueryOptions.now()
        let query = try query(now: now)
        let (terminal, loaded) = try ScreenSetup.open(theme: theme)
        var state = LogViewState(capacity: capacity, query: query)
        if let warning = loaded.warning {
            state.message = warning
            state.messageIsError = true
        }
        let inbox = RecordInbox()
        let waker = terminal.waker
        let inputs = files.isEmpty ? ["-"] : files
        LogIngestion(inputs: inputs,
                     timestamps: LogsQueryOptions.timestamps(now: now),
                     inbox: inbox, wake: { waker.post() },
                     failed: { message in
                         _ = inbox.post([LogRecord(line: 0, source: "opsdeck", level: .error, message: "cannot read \(message)")])
                         waker.post()
                     }).start()
        let title = files.count == 1 ? files[0] : files.isEmpty ? "standard input" : "\(files.count) files"
        LogViewSession(terminal: terminal, theme: loaded.theme, state: state, inbox: inbox, title: title,
                       hiddenSource: files.count == 1 ? files[0] : nil).run()
        inbox.stop()
        terminal.restore()
    }

    /// Where `--theme NAME` is looked for: the user's folder first, then a Themes folder next to
    /// the working directory (a checkout); the four stock themes are built in.
    static func themeFolders() -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"].map { $0 + "/.config" } ?? "")
        return [config + "/opsdeck/themes", FileManager.default.currentDirectoryPath + "/Themes"]
    }
}
