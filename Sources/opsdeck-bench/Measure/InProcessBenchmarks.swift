/// Measurements of OpsCore's log pipeline inside this process.
///
/// The rows: line splitting alone, "parse+normalise" (read, frame, parse, normalise every line)
/// and "parse+normalise+filter" (the same plus `--level error` and the JSON output written to a
/// discarded buffer). Each one runs in a fresh child process (`opsdeck-bench _in-process NAME
/// FILE`) so that its peak RSS is its own, and is timed, repeated and reported exactly like the
/// external tools.
protocol InProcessLogBenchmark: Sendable {
    /// Identifier on the child's command line: letters, digits and dashes.
    var name: String { get }
    /// Row label in the table.
    var title: String { get }
    /// What the row measures, listed with the commands.
    var explanation: String { get }
    /// Processes the whole file and says how much it saw.
    func run(file: String) throws -> InProcessOutcome
}

struct InProcessOutcome: Sendable, Equatable {
    var lines: Int
    /// Records the measurement produced (accepted, or kept by a filter), when it has any.
    var records: Int?
}

enum InProcessBenchmarks {
    static let all: [any InProcessLogBenchmark] = [LineSplitBenchmark(), PipelineBenchmark.normalise, PipelineBenchmark.filter]

    static func named(_ name: String) -> (any InProcessLogBenchmark)? {
        all.first { $0.name == name }
    }
}

/// Framing only: the cost every reader pays before parsing a single line.
struct LineSplitBenchmark: InProcessLogBenchmark {
    let name = "split"
    let title = "read + split lines (in process)"
    let explanation = "read(2) into a 1 MiB buffer + memchr for each newline, nothing parsed"

    func run(file: String) throws -> InProcessOutcome {
        InProcessOutcome(lines: try LineCounter.count(path: file).lines, records: nil)
    }
}
