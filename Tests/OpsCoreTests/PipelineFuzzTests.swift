import Testing
@testable import OpsCore

/// Seeded inputs for the pipeline's invariants: realistic lines from every logger shape and
/// platform, random bytes, and realistic lines damaged the ways real streams get damaged.
struct PipelineCorpus {
    var random: PipelineHarness.SplitMix64

    init(seed: UInt64) { random = PipelineHarness.SplitMix64(seed: seed) }

    /// Groups of lines that belong together (one line, a pretty value, a stack trace...).
    static let realisticGroups: [[String]] = {
        var groups = LoggerShapeTests.shapes.map { [$0.line] }
        let single = [
            "2024-05-01T12:00:00.123456789Z stdout F {\"level\":\"info\",\"msg\":\"cri\"}",
            "2024-05-01T12:00:00.123456789Z stderr F plain from cri",
            "[pod/api-1/app] {\"level\":\"warn\",\"msg\":\"kubectl prefixed\"}",
            "web-1  | 2024-05-01T12:00:00Z INFO compose line",
            "2024-05-01T12:00:00.123456+00:00 app[web.1]: at=info method=GET path=\"/\" status=200",
            "2024-05-01T12:00:00Z app[148e4d55] ams [info] fly text line",
            "<134>1 2024-05-01T12:00:00Z host app 12 - - syslog message",
            "2024-05-01 12:00:00  render text line",
            "level=warn ts=2024-05-01T12:00:00Z caller=main.go:9 msg=\"logfmt line\"",
            "E0501 12:00:00.123456    1 controller.go:42] klog text",
            "just some words",
            "",
            "   ",
            "]",
            "{}",
        ]
        groups += single.map { [$0] }
        groups.append(LogPipelineFramingTests.render.components(separatedBy: "\n"))
        groups.append(LogPipelineFramingTests.fly.components(separatedBy: "\n"))
        groups.append(LogPipelineFramingTests.kubectlWatch.components(separatedBy: "\n"))
        groups.append(LogPipelineContinuationTests.javaStack.components(separatedBy: "\n"))
        groups.append(LogPipelineContinuationTests.pythonTraceback.components(separatedBy: "\n"))
        groups.append(LogPipelineContinuationTests.goPanic.components(separatedBy: "\n"))
        groups.append([
            "2024-05-01T12:00:00.000000001Z stdout P {\"level\":\"error\",",
            "2024-05-01T12:00:00.000000002Z stdout F \"msg\":\"partial\"}",
        ])
        groups.append(["[", "  {", "    \"severity\": \"ERROR\",", "    \"message\": \"gcloud\"", "  },",
                       "  {\"severity\": \"INFO\", \"message\": \"next\"}", "]"])
        groups.append([#"[{"level":"info","msg":"a"},{"level":"warn","msg":"b"}]"#])
        groups.append([#"{"level":"info","msg":"a"}{"level":"warn","msg":"b"}"#])
        return groups
    }()

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }

    /// `groups` realistic groups, one after another, as the bytes of a stream.
    mutating func realisticLines(groups: Int) -> [String] {
        var lines: [String] = []
        for _ in 0..<groups { lines += Self.realisticGroups[int(0..<Self.realisticGroups.count)] }
        return lines
    }

    mutating func realisticStream(groups: Int) -> [UInt8] {
        Self.join(realisticLines(groups: groups))
    }

    /// Bytes drawn from everything, or from the characters JSON and stack traces are made of.
    mutating func randomBytes(count: Int) -> [UInt8] {
        let alphabet = Array(#"{}[]":,\ ntrue0123456789.-eE at Caused by:...more"#.utf8) + [0x09, 0x0A, 0x0A, 0x0D, 0x00, 0x1B]
        let anyByte = chance(50)
        return (0..<count).map { _ in anyByte ? UInt8.random(in: 0...255, using: &random) : alphabet[int(0..<alphabet.count)] }
    }

    /// Realistic lines with one to four damages each stream.
    mutating func mutatedStream(groups: Int) -> [UInt8] {
        var bytes = Self.join(realisticLines(groups: groups))
        for _ in 0..<int(1..<5) { mutate(&bytes) }
        return bytes
    }

    static let hostileInsertions: [[UInt8]] = [
        [0x00], [0x1B], [0x1B, 0x5B, 0x33, 0x31, 0x6D], [0xFF], [0xC0, 0x80], [0x80], [0xE2, 0x82],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80, 0xAE], [0x0D], [0x0A], [0x0A, 0x0A],
        Array(#"\""#.utf8), Array(#"\u"#.utf8), Array(#"\ud800"#.utf8),
    ]

    mutating func mutate(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { bytes = randomBytes(count: 8); return }
        let at = int(0..<bytes.count)
        switch int(0..<9) {
        case 0: bytes[at] ^= UInt8(1 << int(0..<8))                                        // flip a bit
        case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)             // insert a byte
        case 2: bytes.remove(at: at)                                                         // delete a byte
        case 3:                                                                              // cut a line short
            let end = bytes[at...].firstIndex(of: 0x0A) ?? bytes.count
            bytes.removeSubrange(at..<end)
        case 4:                                                                              // duplicate braces
            let braces: Set<UInt8> = [0x7B, 0x7D, 0x5B, 0x5D]
            if let brace = bytes[at...].firstIndex(where: braces.contains) {
                bytes.insert(contentsOf: repeatElement(bytes[brace], count: int(1..<4)), at: brace)
            }
        case 5:                                                                              // break JSON over lines
            let splitters: Set<UInt8> = [0x2C, 0x3A, 0x7B, 0x22]
            if let split = bytes[at...].firstIndex(where: splitters.contains) { bytes.insert(0x0A, at: split + 1) }
        case 6:                                                                              // join two lines
            if let newline = bytes[at...].firstIndex(of: 0x0A) { bytes.remove(at: newline) }
        case 7: bytes.insert(contentsOf: Self.hostileInsertions[int(0..<Self.hostileInsertions.count)], at: at)
        default:                                                                             // repeat a slice
            let length = min(int(1..<64), bytes.count - at)
            bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
        }
    }

    static func join(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\n").utf8) + [0x0A] }
}

/// What must hold for every input, whatever it is.
enum PipelineInvariants {
    /// Lines as `LineReader` counts them: every `\n` ends one, and bytes after the last one make one more.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        let newlines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return newlines + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
    }

    /// Inputs that may legitimately give several records for one line: arrays of objects on one
    /// line, OTLP batches, and values written back to back on one line.
    static func mayHaveSeveralRecordsPerLine(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(UInt8(ascii: "[")) { return true }
        if bytes.count >= 12, bytes.indices.dropLast(11).contains(where: { bytes[$0..<($0 + 12)].elementsEqual("resourceLogs".utf8) }) {
            return true
        }
        var lastNonBlank: UInt8 = 0
        for b in bytes {
            if b == UInt8(ascii: "{"), lastNonBlank == UInt8(ascii: "}") { return true }
            if b != 0x20, b != 0x09 { lastNonBlank = b }
        }
        return false
    }

    static func isValid(_ text: String) -> Bool { String(validating: text.utf8, as: UTF8.self) == text }

    static func isValid(_ value: JSONValue) -> Bool {
        switch value {
        case .null, .bool: true
        case .number(let n): isValid(n)
        case .string(let s): isValid(s)
        case .array(let items): items.allSatisfy(isValid)
        case .object(let members): members.allSatisfy { isValid($0.key) && isValid($0.value) }
        }
    }

    /// Runs `bytes` through the pipeline and records an issue for every invariant broken.
    @discardableResult
    static func check(_ bytes: [UInt8], query: LogQuery = LogQuery(), maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                      context: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation)
        -> (records: [LogRecord], stats: LogPipelineStats) {
        let (records, stats) = PipelineHarness.run(bytes: bytes, query: query, maxLineBytes: maxLineBytes)
        let lines = lineCount(bytes)
        func expect(_ condition: Bool, _ what: String) {
            if !condition {
                Issue.record("\(what)\n\(stats)\ninput: \(String(decoding: bytes, as: UTF8.self).debugDescription)\n\(context())",
                             sourceLocation: sourceLocation)
            }
        }
        expect(stats.isBalanced, "every line is in a record, blank or structural")
        expect(stats.lines == lines, "the pipeline saw \(stats.lines) lines, the input has \(lines)")
        expect(records.count == stats.matched, "emitted \(records.count) records, counted \(stats.matched)")
        expect(stats.matched <= stats.records, "more matched than records")
        expect(records.allSatisfy { (1...max(lines, 1)).contains($0.line) }, "a record's line is outside 1...\(lines)")
        expect(zip(records, records.dropFirst()).allSatisfy { $0.line <= $1.line }, "record lines go backwards")
        expect(records.allSatisfy(isValid), "a record holds an invalid string")
        if query.minimumLevel == nil && query.since == nil && query.until == nil && query.decidesOnLevelAndTimeOnly {
            expect(stats.matched == stats.records, "with no query every record is emitted")
        }
        if let minimum = query.minimumLevel {
            expect(records.allSatisfy { $0.level >= minimum }, "a record below the minimum level was emitted")
        }
        if !mayHaveSeveralRecordsPerLine(bytes) {
            expect(stats.records <= lines, "\(stats.records) records from \(lines) lines")
        }
        return (records, stats)
    }

    static func isValid(_ record: LogRecord) -> Bool {
        isValid(record.message) && (record.source.map(isValid) ?? true) && (record.traceId.map(isValid) ?? true)
            && [record.error?.type, record.error?.message, record.error?.stack].allSatisfy { $0.map(isValid) ?? true }
            && isValid(.object(record.fields))
    }
}

@Suite struct PipelineFuzzTests {
    @Test func randomBytes() {
        var corpus = PipelineCorpus(seed: 0x5EED_0001)
        for round in 0..<1000 {
            let bytes = corpus.randomBytes(count: corpus.int(0..<240))
            PipelineInvariants.check(bytes, context: "random bytes, round \(round)")
        }
    }

    @Test func mutatedRealisticLines() {
        var corpus = PipelineCorpus(seed: 0x5EED_0002)
        for round in 0..<1500 {
            let bytes = corpus.mutatedStream(groups: corpus.int(1..<6))
            PipelineInvariants.check(bytes, context: "mutated stream, round \(round)")
        }
    }

    @Test func mutatedRealisticLinesThroughAQueryAndAShortLineLimit() throws {
        var corpus = PipelineCorpus(seed: 0x5EED_0003)
        let queries = [
            LogQuery(minimumLevel: .warn),
            LogQuery(since: LogTimestamp(secondsSinceEpoch: 1_714_564_800)),
            LogQuery(texts: ["a"]),
            LogQuery(minimumLevel: .info, conditions: [FieldCondition(key: "msg", op: .notEqual, value: "x")]),
        ]
        for round in 0..<600 {
            let bytes = corpus.mutatedStream(groups: corpus.int(1..<5))
            PipelineInvariants.check(bytes, query: queries[round % queries.count], maxLineBytes: corpus.chance(30) ? 40 : 1 << 20,
                                     context: "query \(round % queries.count), round \(round)")
        }
    }

    @Test func deeplyNestedAndHugeValuesDoNotCrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let deepObject = String(repeating: "{\"a\":", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
        // Unclosed values in a row: at the end each is given up in turn and the lines after it
        // are read again (quadratic, so kept well under the line cap here).
        let openingLines = String(repeating: "{\n", count: 300)
        for text in [deep, deepObject, "{\"a\":" + deep + "}", openingLines, String(repeating: "}{", count: 20_000)] {
            PipelineInvariants.check(Array(text.utf8), context: "nested \(text.prefix(20))")
        }
    }
}
