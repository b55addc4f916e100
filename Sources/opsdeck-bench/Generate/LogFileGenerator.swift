import OpsCore

/// What kind of line the generator wrote, as listed in the manifest (one word per line) that
/// tests and the verification script use to check a reader line by line.
enum LineKind: Int, CaseIterable, Sendable {
    case json, jsonMalformed, prefixedJSON, prefixedJSONMalformed, text

    var name: StaticString {
        switch self {
        case .json: "json"
        case .jsonMalformed: "json-malformed"
        case .prefixedJSON: "prefixed-json"
        case .prefixedJSONMalformed: "prefixed-json-malformed"
        case .text: "text"
        }
    }

    init(_ payload: LogShape.Payload) {
        switch payload {
        case .json: self = .json
        case .prefixedJSON: self = .prefixedJSON
        case .text: self = .text
        }
    }
}

struct GenerationSummary: Sendable {
    var lines = 0
    var bytes = 0
    var seconds = 0.0
    /// Lines that start a record (all but stack-trace continuation lines).
    var records = 0
    var linesByShape = [Int](repeating: 0, count: LogShape.allCases.count)
    var linesByKind = [Int](repeating: 0, count: LineKind.allCases.count)
    /// Records by level: trace, debug, info, warn, error, fatal.
    var recordsByLevel = [Int](repeating: 0, count: 6)

    var malformedLines: Int { linesByKind[LineKind.jsonMalformed.rawValue] + linesByKind[LineKind.prefixedJSONMalformed.rawValue] }
    var errorOrFatalRecords: Int { recordsByLevel[4] + recordsByLevel[5] }
}

/// Writes a deterministic mixed log file: the same line count and seed give the same bytes.
struct LogFileGenerator {
    /// 2024-11-28T13:20:00Z, the start of every generated file.
    static let startMillis: Int64 = 1_732_800_000_000
    /// Malformed JSON-bearing lines per ten thousand. About 88 % of lines carry JSON, so this
    /// breaks about 1.0 % of all lines.
    static let malformedPerTenThousand = 114
    /// A Spring error line is followed by its stack trace this often.
    static let springStackPerMille = 500
    static let flushThreshold = 1 << 20

    let lineCount: Int
    let seed: UInt64

    func write(to file: OutputFile, manifest: OutputFile?) throws -> GenerationSummary {
        let started = MonotonicClock.now()
        var run = GenerationRun(seed: seed, lineCount: lineCount, writesManifest: manifest != nil)
        while !run.isDone {
            run.writeRecord()
            if run.composer.out.count >= Self.flushThreshold { try run.flush(to: file, manifest: manifest) }
        }
        try run.flush(to: file, manifest: manifest)
        var summary = run.summary
        summary.seconds = MonotonicClock.seconds(since: started)
        return summary
    }
}

/// The state of one generation, kept in a struct (not captured by closures) so that the hot
/// loop runs without dynamic exclusivity checks.
private struct GenerationRun: ~Copyable {
    var composer: RecordComposer
    var summary = GenerationSummary()
    var manifestBytes: ByteBuffer
    let lineCount: Int
    let writesManifest: Bool

    init(seed: UInt64, lineCount: Int, writesManifest: Bool) {
        composer = RecordComposer(seed: seed, startNanos: LogFileGenerator.startMillis * 1_000_000,
                                  capacity: LogFileGenerator.flushThreshold + 64 * 1024)
        manifestBytes = ByteBuffer(capacity: writesManifest ? LogFileGenerator.flushThreshold + 64 * 1024 : 0)
        self.lineCount = lineCount
        self.writesManifest = writesManifest
    }

    var isDone: Bool { summary.lines >= lineCount }

    /// One record: its line, possibly broken, and for some Spring errors the stack trace lines.
    mutating func writeRecord() {
        composer.beginRecord()
        let shape = composer.rng.pick(LogShape.byRoll)
        composer.write(shape)
        var kind = LineKind(shape.payload)
        if shape.payload != .text && composer.rng.below(10_000) < LogFileGenerator.malformedPerTenThousand {
            let how = composer.rng.pick(Malformation.allCases)
            composer.out.malform(payloadFrom: composer.payloadStart, how, random: composer.rng.next())
            kind = shape.payload == .json ? .jsonMalformed : .prefixedJSONMalformed
        }
        summary.records += 1
        summary.recordsByLevel[composer.levelIndex] += 1
        finishLine(shape, kind)

        if shape == .springText && composer.isError && composer.rng.chance(perMille: LogFileGenerator.springStackPerMille) {
            writeStackTraceLines()
        }
    }

    private mutating func writeStackTraceLines() {
        composer.composeJavaStack()
        var lineStart = 0
        while lineStart <= composer.detail.count && !isDone {
            let lineEnd = composer.detail.firstIndex(of: 0x0A, from: lineStart) ?? composer.detail.count
            composer.out.append(composer.detail, lineStart..<lineEnd)
            finishLine(.javaStackTraceLine, .text)
            lineStart = lineEnd + 1
        }
    }

    private mutating func finishLine(_ shape: LogShape, _ kind: LineKind) {
        composer.out.append(UInt8(ascii: "\n"))
        summary.lines += 1
        summary.linesByShape[shape.rawValue] += 1
        summary.linesByKind[kind.rawValue] += 1
        if writesManifest {
            manifestBytes.append(shape.name)
            manifestBytes.append(UInt8(ascii: "\t"))
            manifestBytes.append(kind.name)
            manifestBytes.append(UInt8(ascii: "\n"))
        }
    }

    /// Writes whole lines only: a line may still be edited (malformed) until it is finished.
    mutating func flush(to file: OutputFile, manifest: OutputFile?) throws {
        try file.write(composer.out)
        summary.bytes += composer.out.count
        composer.out.removeAll()
        if let manifest {
            try manifest.write(manifestBytes)
            manifestBytes.removeAll()
        }
    }
}
