import ArgumentParser
import Foundation
import OpsCore
import OpsCurses
import OpsUI

struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Read, normalise and filter structured logs from files or standard input.",
        discussion: """
        Reads JSON lines, pretty-printed JSON, logfmt and plain text from any mix of loggers, strips \
        tool prefixes (kubectl --prefix --timestamps, docker compose, stern, CRI, Heroku, Fly, syslog) \
        and writes one normalised record per entry.

        Examples:
          kubectl logs -f deploy/api --prefix --timestamps | opsdeck logs --level warn
          opsdeck logs --output json --where user_id=42 --since 15m app.log
          opsdeck logs --grep timeout --where 'status>=500' --follow /var/log/app.log

        Exit status: 0 when every input was read, 1 when an input could not be read (the others \
        are still read) or the output could not be written, 64 for a usage error.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
    enum ColorMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @Argument(help: "Files to read. '-' or none reads standard input.")
    var files: [String] = []

    @Option(help: "text: aligned, coloured on a terminal; json: one object per record.")
    var output: OutputFormat = .text

    @Option(help: "Minimum level: trace, debug, info, notice, warn, error or fatal.")
    var level: String?

    @Option(help: ArgumentHelp("Text to find in the message, error or field values (repeatable; all must match). Lowercase matches any case.", valueName: "text"))
    var grep: [String] = []

    @Option(help: ArgumentHelp("Regular expression to find in the message, error or field values (repeatable).", valueName: "pattern"))
    var regex: [String] = []

    @Option(name: .customLong("where"), help: ArgumentHelp("KEY=VALUE, KEY!=VALUE, KEY>=VALUE, KEY<=VALUE, KEY>VALUE or KEY<VALUE on a normalised or original field; dotted paths reach nested fields (repeatable).", valueName: "condition"))
    var conditions: [String] = []

    @Option(help: ArgumentHelp("Only records at or after this time: a duration back from now (15m, 2h, 1d) or a time (2026-11-28T10:00:00Z).", valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Only records at or before this time, same forms as --since.", valueName: "time"))
    var until: String?

    @Flag(help: "Keep reading as files grow (like tail -F: truncation and rotation are followed) and standard input until it closes.")
    var follow = false

    @Option(help: "Colour in text output: auto (when writing to a terminal), always or never.")
    var color: ColorMode = .auto

    /// Filter values are checked here, before `run`, so a bad one is reported with this
    /// command's usage line.
    func validate() throws {
        _ = try makeQuery(now: LogsQueryOptions.now())
    }

    private func makeQuery(now: LogTimestamp) throws -> LogQuery {
        try LogsQueryOptions(level: level, grep: grep, regex: regex, conditions: conditions, since: since, until: until)
            .query(now: now, timestamps: LogsQueryOptions.timestamps(now: now))
    }

    func run() throws {
        let now = LogsQueryOptions.now()
        let timestamps = LogsQueryOptions.timestamps(now: now)
        let query = try makeQuery(now: now)
        let sink = OutputSink(fd: STDOUT_FILENO)
        var writer = makeWriter(for: sink)
        let inputs = files.isEmpty ? ["-"] : files
        var failures = 0
        let reading = LogInputReader(query: query, timestamps: timestamps, follow: follow)
        let idle = {
            sink.flush()
            return !sink.closed && !sink.readerGone
        }
        let report = { (path: String, error: Error) in
            failures += 1
            FileHandle.standardError.write(Data("opsdeck logs: \(LogsCommand.describe(error, reading: path))\n".utf8))
        }
        let named = inputs.map { (path: $0, sourceName: $0 == "-" ? nil : Optional($0)) }
        if follow, inputs.count > 1 {
            reading.follow(inputs: named, emit: { writer.write($0, to: sink) }, idle: idle, failed: report)
        } else if inputs.count > 1, !inputs.contains("-") {
            // Several files are one story: their records are merged by time.
            MergedLogReader(query: query, timestamps: timestamps)
                .read(inputs: named, emit: { writer.write($0, to: sink) }, idle: idle, failed: report)
        } else {
            read(inputs, with: reading, writer: &writer, sink: sink, idle: idle, report: report)
        }
        sink.flush()
        if let code = sink.failure {
            FileHandle.standardError.write(Data("opsdeck logs: cannot write the output: \(String(cString: strerror(code)))\n".utf8))
            throw ExitCode(1)
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Reads the inputs one after the other, until the reader of the output goes away.
    private func read(_ inputs: [String], with reading: LogInputReader, writer: inout RecordWriter, sink: OutputSink,
                      idle: () -> Bool, report: (String, Error) -> Void) {
        for path in inputs {
            do {
                try reading.read(path: path, sourceName: path == "-" ? nil : path, emit: { record in
                    writer.write(record, to: sink)
                }, idle: idle)
            } catch {
                report(path, error)
            }
            if sink.closed || sink.readerGone { break }
        }
    }

    /// Open and stat errors name their path; a read error (a folder, an I/O error) does not, and with
    /// several inputs the user must learn which one failed.
    static func describe(_ error: Error, reading path: String) -> String {
        switch error {
        case ByteInputError.openFailed, ByteInputError.statFailed(path: .some, errno: _): "\(error)"
        default: "\(path == "-" ? "standard input" : path): \(error)"
        }
    }

    private func makeWriter(for sink: OutputSink) -> RecordWriter {
        switch output {
        case .json:
            return .json(RecordJSONEncoder())
        case .text:
            let colors: Int
            switch color {
            case .never: colors = 0
            case .always: colors = 8
            case .auto: colors = sink.isTerminal ? TerminalColors.supportedCount(environment: ProcessInfo.processInfo.environment) : 0
            }
            let single = files.count == 1 && files[0] != "-" ? files[0] : nil
            return .text(LogLineFormatter(hiddenSource: single), ANSILineStyle(colors: colors))
        }
    }
}
