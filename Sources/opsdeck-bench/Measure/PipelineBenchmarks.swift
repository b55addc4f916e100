import Foundation
import OpsCore

/// The log pipeline measured inside one process, without the cost of a terminal or a pipe:
/// every line parsed and normalised into a record, and the same with `--level error` and the
/// JSON output (redaction included) written to a buffer that is thrown away.
struct PipelineBenchmark: InProcessLogBenchmark {
    let name: String
    let title: String
    let explanation: String
    let minimumLevel: LogLevel?

    static let normalise = PipelineBenchmark(
        name: "normalise", title: "parse+normalise (in process)",
        explanation: "LogPipeline with no filter: every line framed, parsed and normalised into a LogRecord",
        minimumLevel: nil)

    static let filter = PipelineBenchmark(
        name: "filter", title: "parse+normalise+filter (in process)",
        explanation: "LogPipeline with --level error; matching records redacted and encoded as JSON into a discarded buffer",
        minimumLevel: .error)

    func run(file: String) throws -> InProcessOutcome {
        let now = LogTimestamp(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1e9))
        let timestamps = TimestampParser(latestAccepted: LogTimestamp(secondsSinceEpoch: now.secondsSinceEpoch + 86_400))
        let reader = LogInputReader(query: LogQuery(minimumLevel: minimumLevel), timestamps: timestamps, follow: false)
        var writer = JSONWriter(capacity: 1 << 17)
        let encoder = RecordJSONEncoder()
        var records = 0
        let encodes = minimumLevel != nil
        let stats = try reader.read(path: file, sourceName: file, emit: { record in
            records += 1
            guard encodes else { return }
            encoder.append(record.redacted(), to: &writer)
            if writer.bytes.count > 1 << 16 { writer.bytes.removeAll(keepingCapacity: true) }
        }, idle: { true })
        return InProcessOutcome(lines: stats.lines, records: records)
    }
}
