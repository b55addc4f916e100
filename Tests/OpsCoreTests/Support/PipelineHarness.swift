@testable import OpsCore

/// Runs text through a real pipeline, line by line, as `opsdeck logs` does.
enum PipelineHarness {
    /// 2026-11-29T00:00:00Z: the clock every test pipeline is given.
    static let now = LogTimestamp(secondsSinceEpoch: 1_795_910_400)

    static func parser() -> TimestampParser {
        TimestampParser(latestAccepted: LogTimestamp(secondsSinceEpoch: now.secondsSinceEpoch + 86_400),
                        localOffset: { _ in 0 })
    }

    static func records(_ text: String, source: String? = nil, query: LogQuery = LogQuery()) -> [LogRecord] {
        run(text, source: source, query: query).records
    }

    static func run(_ text: String, source: String? = nil, query: LogQuery = LogQuery()) -> (records: [LogRecord], stats: LogPipelineStats) {
        let pipeline = LogPipeline(sourceName: source, query: query, timestamps: parser())
        var out: [LogRecord] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        for (i, line) in lines.enumerated() {
            var bytes = Array(line.utf8)
            if bytes.last == 0x0D { bytes.removeLast() }
            bytes.withUnsafeBufferPointer { pipeline.consume(line: $0, number: i + 1, emit: { out.append($0) }) }
        }
        pipeline.finish { out.append($0) }
        return (out, pipeline.stats)
    }

    /// Raw bytes through the real `LineReader` (CRLF, invalid UTF-8, a missing final newline, the
    /// line limit) and then the pipeline, as `opsdeck logs FILE` reads them.
    static func run(bytes: [UInt8], source: String? = nil, query: LogQuery = LogQuery(),
                    maxLineBytes: Int = LineReader.defaultMaxLineBytes) -> (records: [LogRecord], stats: LogPipelineStats) {
        let pipeline = LogPipeline(sourceName: source, query: query, timestamps: parser())
        var out: [LogRecord] = []
        for line in LineReader.lines(in: bytes, maxLineBytes: maxLineBytes) {
            line.bytes.withUnsafeBufferPointer {
                pipeline.consume(line: $0, number: line.info.number, truncated: line.info.truncated, emit: { out.append($0) })
            }
        }
        pipeline.finish { out.append($0) }
        return (out, pipeline.stats)
    }

    static func record(_ line: String) -> LogRecord? {
        let all = records(line)
        return all.count == 1 ? all[0] : nil
    }
}

extension PipelineHarness {
    /// A seeded generator so randomised tests repeat exactly from their seed.
    typealias SplitMix64 = OpsCore.SplitMix64
}
