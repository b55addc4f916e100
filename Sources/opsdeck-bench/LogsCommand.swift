import Glibc

/// `opsdeck-bench logs`: prepares the log file, measures opsdeck, jq and lnav on it, prints the
/// results, and removes a generated file unless `--keep`.
enum LogsCommand {
    static let jqFilter = #"fromjson? | select(.level=="error" or .level==50)"#

    static func run(_ options: LogsOptions) throws {
        let opsdeck = try locateOpsdeck(options)
        let machine = MachineFacts.collect()
        let prepared = try prepareFile(options)
        defer {
            if prepared.generated != nil && !options.keep { unlink(prepared.path) }
        }
        let file = prepared.path
        var measurements: [Measurement] = []

        for benchmark in InProcessBenchmarks.all {
            measurements.append(InProcessRunner.measure(benchmark, file: file, runs: options.runs))
        }
        if !options.commands.isEmpty {
            for template in options.commands {
                let argv = CommandTemplate.expand(template, file: file)
                measurements.append(CommandMeasurement.measure(
                    title: CommandMeasurement.displayCommand(argv, file: file), argv: argv, file: file, runs: options.runs))
            }
        } else if let opsdeck {
            measurements.append(CommandMeasurement.measure(
                title: "opsdeck logs --level error --output json",
                argv: [opsdeck, "logs", "--level", "error", "--output", "json", file], file: file, runs: options.runs))
        }
        measurements.append(options.skipJQ
            ? Measurement(title: "jq", commandDisplay: "jq", status: .skipped("--skip-jq"))
            : CommandMeasurement.measure(title: "jq -cR 'fromjson? | select(level)'",
                                         argv: ["jq", "-cR", jqFilter, file], file: file, runs: 1))
        measurements.append(options.skipLnav
            ? Measurement(title: "lnav", commandDisplay: "lnav", status: .skipped("--skip-lnav"))
            : LnavMeasurement.measure(file: file, totalLines: prepared.lines))

        let report = BenchReport(machine: machine, toolVersions: ToolVersions.collect(), file: prepared,
                                 kept: prepared.generated == nil || options.keep, measurements: measurements)
        print(options.json ? report.json() : report.table())
    }

    /// The release `opsdeck` next to this executable; nil when it is not needed.
    private static func locateOpsdeck(_ options: LogsOptions) throws -> String? {
        guard !options.skipOpsdeck && options.commands.isEmpty else { return nil }
        guard let path = ToolLocator.sibling(named: "opsdeck") else {
            throw BenchError("""
                no opsdeck executable in \(ToolLocator.ownDirectory()).
                Build it in the same configuration first: swift build -c release --product opsdeck
                (or pass --skip-opsdeck to measure jq and lnav only)
                """)
        }
        return path
    }

    private static func prepareFile(_ options: LogsOptions) throws -> PreparedFile {
        if let path = options.file {
            CommandMeasurement.progress("counting the lines of \(path)")
            let counts = try LineCounter.count(path: path)   // also warms the page cache
            return PreparedFile(path: path, lines: counts.lines, bytes: counts.bytes, generated: nil)
        }
        let (fd, path) = try TemporaryPaths.createFile(prefix: "opsdeck-bench", suffix: ".log")
        CommandMeasurement.progress("generating \(Format.grouped(options.lines)) lines into \(path)")
        let summary: GenerationSummary
        do {
            summary = try LogFileGenerator(lineCount: options.lines, seed: options.seed)
                .write(to: OutputFile(adopting: fd, path: path), manifest: nil)
        } catch {
            unlink(path)
            throw error
        }
        printToStandardError(GenerationReport.describe(summary, path: path))
        return PreparedFile(path: path, lines: summary.lines, bytes: summary.bytes,
                            generated: PreparedFile.Generation(seed: options.seed, summary: summary))
    }
}

/// The log file every measurement reads.
struct PreparedFile: Sendable {
    struct Generation: Sendable {
        var seed: UInt64
        var summary: GenerationSummary
    }

    var path: String
    var lines: Int
    var bytes: Int
    /// Nil for a `--file` given by the user.
    var generated: Generation?
}
