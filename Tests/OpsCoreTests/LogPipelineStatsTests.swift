import Testing
@testable import OpsCore

/// The pipeline's counters prove that nothing is lost: every line read is the first line of a
/// record, a continuation, a line of a multi-line value, or counted as blank or structural.
@Suite struct LogPipelineStatsTests {
    @Test func everyCounterOnAKnownInput() throws {
        let long = "ERROR " + String(repeating: "x", count: 100)
        let lines = [
            #"{"level":"info","msg":"one"}"#,              // record
            "\tat a.b(C.java:1)",                            // continuation of "one"
            "",                                              // blank
            "[",                                             // structural
            #"  {"level":"warn","msg":"two"},"#,           // record
            #"  {"level":"error","msg":"three"}"#,         // record
            "]",                                             // structural
            #"{"level":"debug","msg":"cut"#,                // malformed JSON, read as text
            "{",                                             // a value over three lines
            #"  "msg": "pretty""#,
            "}",
            long,                                            // cut at the line limit
            "   ",                                           // blank
        ]
        let text = lines.joined(separator: "\r\n") + "\r\n"
        let (records, stats) = PipelineHarness.run(bytes: Array(text.utf8), maxLineBytes: 64)
        #expect(records.map(\.message) == ["one\n\tat a.b(C.java:1)", "two", "three", #"{"level":"debug","msg":"cut"#,
                                           "pretty", String(long.dropFirst(6).prefix(58)) + " [truncated]"])
        #expect(records.map(\.line) == [1, 5, 6, 8, 9, 12])
        var expected = LogPipelineStats()
        expected.lines = 13
        expected.bytes = lines.map { min($0.utf8.count, 64) }.reduce(0, +)
        expected.records = 6
        expected.matched = 6
        expected.linesInRecords = 9
        expected.continuationLines = 1
        expected.blankLines = 2
        expected.structuralLines = 2
        expected.truncatedLines = 1
        expected.malformedJSON = 1
        #expect(stats == expected)
        #expect(stats.isBalanced)
    }

    @Test func rejectedRecordsAreCountedButNotMatched() {
        let input = """
            {"level":"debug","msg":"quick reject"}
            DEBUG text reject
            {"level":"error","msg":"kept"}
            """
        let (records, stats) = PipelineHarness.run(input, query: LogQuery(minimumLevel: .warn))
        #expect(records.map(\.message) == ["kept"])
        #expect(stats.records == 3 && stats.matched == 1)
        #expect(stats.lines == 3 && stats.isBalanced)
    }

    @Test(arguments: [
        #"{"resourceLogs":"oops","msg":"hello"}"#,
        #"{"level":"info","resourceLogs":[]}"#,
        #"{"resourceLogs":[{"scopeLogs":[{"logRecords":[1,2]}]}]}"#,
    ])
    func envelopeWithoutRecordsIsStillARecord(_ line: String) throws {
        // Such lines used to give no record at all while being counted as in one.
        let (records, stats) = PipelineHarness.run(line + "\nnext")
        try #require(records.count == 2, "\(records)")
        #expect(records[0].line == 1)
        #expect(FieldCondition.resolve("resourceLogs", in: records[0]) != nil)
        #expect(stats.records == 2 && stats.isBalanced)
    }

    @Test func grepRejectsAfterTheRecordIsBuilt() {
        let (records, stats) = PipelineHarness.run("alpha\nbeta\ngamma", query: LogQuery(texts: ["a", "m"]))
        #expect(records.map(\.message) == ["gamma"])
        #expect(stats.records == 3 && stats.matched == 1 && stats.isBalanced)
    }

    @Test func flushEmitsTheHeldBackRecord() {
        let pipeline = LogPipeline(sourceName: nil, timestamps: PipelineHarness.parser())
        var out: [LogRecord] = []
        func feed(_ line: String, _ number: Int) {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { pipeline.consume(line: UnsafeBufferPointer($0), number: number, emit: { out.append($0) }) }
        }
        feed("ERROR failed", 1)
        #expect(out.isEmpty) // held back: a stack trace may follow
        pipeline.flush { out.append($0) }
        #expect(out.map(\.message) == ["failed"])
        // Once emitted a record cannot grow; a late frame stays visible as a record of its own.
        feed("\tat late.frame(X.java:1)", 2)
        pipeline.finish { out.append($0) }
        #expect(out.map(\.message) == ["failed", "\tat late.frame(X.java:1)"])
        #expect(pipeline.stats.lines == 2 && pipeline.stats.isBalanced)
    }

    @Test func flushLeavesAnOpenMultiLineValueOpen() {
        let pipeline = LogPipeline(sourceName: nil, timestamps: PipelineHarness.parser())
        var out: [LogRecord] = []
        for (k, line) in ["{", #"  "msg": "slow writer""#, "}"].enumerated() {
            Array(line.utf8).withUnsafeBufferPointer { pipeline.consume(line: $0, number: k + 1, emit: { out.append($0) }) }
            pipeline.flush { out.append($0) }
        }
        pipeline.finish { out.append($0) }
        #expect(out.map(\.message) == ["slow writer"])
        #expect(pipeline.stats.isBalanced && pipeline.stats.lines == 3)
    }

    // MARK: seeded realistic streams

    /// How many records a group gives on its own, whether it joins a record above it (stack
    /// traces, tracebacks and crashes do, but only a record of the same prefix source), and the
    /// prefix source of its last record.
    static let groupRecords: [(count: Int, joinsAbove: Bool, source: String?)] = PipelineCorpus.realisticGroups.map { group in
        let alone = PipelineHarness.records(group.joined(separator: "\n")).count
        let first = group[0]
        let joins = first.hasPrefix("java.lang.") || first.hasPrefix("Traceback") || first.hasPrefix("panic:")
        let lastRecordLine = group.last(where: { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }) ?? first
        return (alone, joins, PrefixStripper.strip(lastRecordLine).source)
    }

    @Test func seededRealisticMixLosesNothing() throws {
        var random = PipelineHarness.SplitMix64(seed: 0x57A7_5000)
        for round in 0..<400 {
            var picks: [Int] = []
            for _ in 0..<Int.random(in: 1..<12, using: &random) {
                picks.append(Int.random(in: 0..<PipelineCorpus.realisticGroups.count, using: &random))
            }
            let lines = picks.flatMap { PipelineCorpus.realisticGroups[$0] }
            let (records, stats) = PipelineInvariants.check(PipelineCorpus.join(lines), context: "realistic round \(round), groups \(picks)")
            #expect(stats.malformedJSON == 0, "round \(round), groups \(picks)")
            var expected = 0
            var sourceAbove: String?
            for pick in picks {
                let group = Self.groupRecords[pick]
                if group.joinsAbove, expected > 0, sourceAbove == nil { continue }
                expected += group.count
                sourceAbove = group.source
            }
            #expect(records.count == expected, "round \(round), groups \(picks)")
        }
    }

    @Test func seededRealisticMixThroughALevelFilter() {
        var corpus = PipelineCorpus(seed: 0x57A7_5001)
        for round in 0..<200 {
            let bytes = corpus.realisticStream(groups: corpus.int(1..<10))
            let all = PipelineHarness.run(bytes: bytes).records
            let (filtered, stats) = PipelineInvariants.check(bytes, query: LogQuery(minimumLevel: .warn), context: "round \(round)")
            // Filtering on level only drops records: the survivors are exactly the unfiltered
            // records at warn or above.
            #expect(filtered == all.filter { $0.level >= .warn }, "round \(round)")
            #expect(stats.records == all.count, "round \(round)")
        }
    }
}
