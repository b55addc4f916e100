import ArgumentParser
import Foundation
import OpsCore

struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Show the audit journal: every deploy, promote and rollback, who ran it and how it ended, and every alert.",
        discussion: """
        Reads the journal named by --journal, else by journal_path in the configuration, else \
        $XDG_STATE_HOME/opsdeck/journal.jsonl (~/.local/state/opsdeck/journal.jsonl), and prints \
        one entry per action, oldest first: when, who@host, service/environment, kind, \
        from -> to, outcome, duration and the commands it ran (secrets redacted). An action that \
        started but never finished (opsdeck was killed) is shown as interrupted. Alerts (a probe \
        that started failing or recovered, a metric that crossed its critical threshold) are \
        shown one a line among them, in time order: when, who was watching, and the alert.

        Examples:
          opsdeck journal --since 1d --env production
          opsdeck journal --service api --output json | jq .outcome
          opsdeck journal --output json | jq 'select(.kind == "alert") | .summary'

        Exit status: 0, also when there is no journal yet or some lines are damaged (each is \
        reported on standard error and skipped); 1 when the journal or the configuration cannot \
        be read; 64 for a usage error.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: ArgumentHelp("Only actions started (and alerts raised or recovered) at or after this time: a duration back from now (2h, 1d) or a time (2026-11-28T10:00:00Z).", valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Only actions and alerts of this service.", valueName: "name"))
    var service: String?

    @Option(name: .customLong("env"), help: ArgumentHelp("Only actions and alerts in this environment.", valueName: "name"))
    var environment: String?

    @Option(help: "text: one block per action, one line per alert; json: one object per action or alert and line.")
    var output: OutputFormat = .text

    @Option(help: ArgumentHelp("The journal file to read.", valueName: "file"))
    var journal: String?

    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration whose journal_path to read.", valueName: "file"))
    var configFile: String?

    func validate() throws {
        _ = try filter(now: JournalTime.now())
    }

    private func filter(now: LogTimestamp) throws -> JournalFilter {
        var filter = JournalFilter(service: service, environment: environment)
        if let since {
            let timestamps = TimestampParser(latestAccepted: LogTimestamp(secondsSinceEpoch: now.secondsSinceEpoch + 86_400))
            do {
                filter.since = try TimeBound.parse(since, now: now, timestamps: timestamps)
            } catch {
                throw ValidationError("--since \(error)")
            }
        }
        return filter
    }

    func run() throws {
        let filter = try filter(now: JournalTime.now())
        let path = try journalPath()
        let history: JournalHistory
        do {
            history = try JournalReader.history(path: path)
        } catch {
            Self.fail(Sanitiser.sanitise("\(error)"))
        }
        for problem in history.problems {
            Self.warn(Sanitiser.sanitise("\(path): \(problem)"))
        }
        let items = JournalItem.merged(actions: history.actions.filter(filter.matches).map { $0.redacted() },
                                       alerts: history.alerts.filter(filter.matches))
        let sink = OutputSink(fd: STDOUT_FILENO)
        switch output {
        case .text:
            let noun = history.alerts.isEmpty ? "actions" : "actions or alerts"
            if !history.fileExists {
                sink.write(Sanitiser.sanitise("No actions yet: \(path) does not exist.") + "\n")
            } else if items.isEmpty {
                sink.write(history.actions.isEmpty && history.alerts.isEmpty ? "No actions yet.\n" : "No \(noun) match.\n")
            }
            var previous: JournalItem?
            for item in items {
                // An action is a block set apart by blank lines; alerts in a row stay together.
                if let previous, item.isAction || previous.isAction { sink.write("\n") }
                switch item {
                case .action(let action): sink.write(JournalTextReport.lines(of: action).joined(separator: "\n") + "\n")
                case .alert(let alert): sink.write(JournalTextReport.line(of: alert) + "\n")
                }
                previous = item
            }
        case .json:
            for item in items {
                sink.withBuffer { buffer in
                    var writer = JSONWriter()
                    switch item {
                    case .action(let action): writer.write(action.jsonValue)
                    case .alert(let alert): writer.write(alert.reportJSON)
                    }
                    buffer.append(contentsOf: writer.bytes)
                    buffer.append(0x0A)
                }
            }
        }
        sink.flush()
        if let code = sink.failure {
            Self.fail("cannot write the output: \(String(cString: strerror(code)))")
        }
    }

    /// --journal, else the configuration's journal_path, else the default place.
    private func journalPath() throws -> String {
        let paths = StatePaths.current()
        if let journal { return paths.expandingTilde(journal) }
        let locator = ConfigLocator.current()
        var configured: String?
        var configFolder: String?
        if let location = locator.locate(explicit: configFile) {
            do {
                let config = try ConfigLoader.load(path: location.path)
                configured = config.journalPath
                configFolder = URL(fileURLWithPath: location.path).deletingLastPathComponent().path
            } catch {
                let lines = (error as? ConfigError)?.lines ?? ["\(error)"]
                Self.warn(lines.map { Sanitiser.sanitise($0) }.joined(separator: "\n"))
                Self.fail(Sanitiser.sanitise("\(location.path) is not a valid configuration, so its journal_path is unknown"))
            }
        }
        guard let path = paths.journal(configured: configured, configFolder: configFolder) else {
            Self.fail("\(JournalError.noPlace)")
        }
        return path
    }

    private static func warn(_ text: String) {
        FileHandle.standardError.write(Data("opsdeck journal: \(text)\n".utf8))
    }

    private static func fail(_ text: String) -> Never {
        warn(text)
        Self.exit(withError: ExitCode(1))
    }
}
