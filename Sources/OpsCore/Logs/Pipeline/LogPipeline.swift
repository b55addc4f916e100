/// The log pipeline for one input: lines in, normalised records out, in input order.
///
/// bytes -> (prefix stripped) -> JSON / multi-line JSON / logfmt / plain -> envelopes unwrapped
/// -> normalised draft -> continuation lines joined -> query -> emit.
///
/// Flat JSON records that the query rejects on level or time are never built: that is what
/// makes the pipeline fast on the common `--level error` triage. Not thread-safe: one pipeline
/// per input, driven by one task.
public final class LogPipeline {
    public typealias Emit = (LogRecord) -> Void

    public let sourceName: String?
    public let query: LogQuery
    public private(set) var stats = LogPipelineStats()

    private let timestamps: TimestampParser
    private let bodies: BodyNormaliser
    private let json: JSONRecordNormaliser
    private var members: [JSONScanner.Member] = []
    private var continuation = ContinuationTracker()
    private var multiLine = MultiLineJSON()
    private var insideArray = false
    /// The newest record, held back until the next line shows whether continuation lines
    /// (stack traces) belong to it. `record` is nil when the query already rejected it.
    private var pending: (record: LogRecord?, effectiveTime: LogTimestamp?)?
    private var hasPending = false
    /// CRI `P` (partial) bodies waiting for their `F` line.
    private var partial: (bytes: [UInt8], number: Int, lines: Int)?
    /// The last record's time, given to untimed records for time-window filtering.
    private var lastTime: LogTimestamp?

    public init(sourceName: String?, query: LogQuery = LogQuery(), timestamps: TimestampParser) {
        self.sourceName = sourceName
        self.query = query
        self.timestamps = timestamps
        bodies = BodyNormaliser(timestamps: timestamps)
        json = JSONRecordNormaliser(timestamps: timestamps)
        members.reserveCapacity(32)
    }

    /// Feeds one input line (without its line break).
    public func consume(line: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool = false, emit: Emit) {
        stats.lines += 1
        stats.bytes += line.count
        if truncated { stats.truncatedLines += 1 }
        route(line, number: number, truncated: truncated, emit: emit)
    }

    /// Emits the held-back record, for when input pauses (following a file that stopped growing).
    public func flush(emit: Emit) {
        emitPending(emit)
    }

    /// Ends the input: an unfinished multi-line value is read as text, partial lines are joined.
    public func finish(emit: Emit) {
        while multiLine.isActive { failMultiLine(emit: emit) }
        if let waiting = partial {
            partial = nil
            waiting.bytes.withUnsafeBufferPointer { bytes in
                textRecords(bytes, number: waiting.number, lineCount: waiting.lines, truncated: false, facts: .none, emit: emit)
            }
        }
        emitPending(emit)
    }

    // MARK: - Routing

    private func route(_ line: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool, emit: Emit) {
        let prefix = PrefixStripper.strip(line)
        let body = UnsafeBufferPointer(rebasing: line[min(prefix.bodyStart, line.count)...])
        let facts = prefix.bodyStart > 0 || prefix.source != nil ? PrefixFacts(prefix, line: line, timestamps: timestamps) : .none
        if multiLine.isActive {
            continueMultiLine(body, number: number, truncated: truncated, facts: facts, emit: emit)
            return
        }
        if prefix.partial {
            var waiting = partial ?? ([], number, 0)
            waiting.bytes.append(contentsOf: body)
            waiting.lines += 1
            partial = waiting
            return
        }
        if let waiting = partial {
            partial = nil
            let joined = waiting.bytes + Array(body)
            joined.withUnsafeBufferPointer { bytes in
                processBody(bytes, number: waiting.number, lineCount: waiting.lines + 1, truncated: truncated, facts: facts, emit: emit)
            }
            return
        }
        processBody(body, number: number, lineCount: 1, truncated: truncated, facts: facts, emit: emit)
    }

    private func processBody(_ body: UnsafeBufferPointer<UInt8>, number: Int, lineCount: Int, truncated: Bool,
                             facts: PrefixFacts, emit: Emit) {
        let scanner = JSONScanner(body)
        let first = scanner.skipWhitespace(from: 0)
        guard first < body.count else {
            stats.blankLines += lineCount
            return
        }
        let c = body[first]
        if insideArray, c == UInt8(ascii: "]"), scanner.skipWhitespace(from: first + 1) == body.count {
            insideArray = false
            stats.structuralLines += lineCount
            return
        }
        if c == UInt8(ascii: "["), scanner.skipWhitespace(from: first + 1) == body.count {
            // An array written one element per line (gcloud --format=json): read element by element.
            emitPending(emit)
            insideArray = true
            stats.structuralLines += lineCount
            return
        }
        if c != UInt8(ascii: "{"), hasPending, continuation.isContinuation(body) {
            attachContinuation(body)
            stats.linesInRecords += lineCount
            stats.continuationLines += lineCount
            return
        }
        // A new record starts here: the tracker learns its first line (a `Traceback` or `panic:`
        // line changes what may follow).
        continuation.reset()
        _ = continuation.isContinuation(body)
        if c == UInt8(ascii: "{") {
            jsonBody(body, from: first, number: number, lineCount: lineCount, truncated: truncated, facts: facts, emit: emit)
        } else {
            emitPending(emit)
            stats.linesInRecords += lineCount
            newRecords(bodies.drafts(body: body), number: number, truncated: truncated, facts: facts, emit: emit)
        }
    }

    // MARK: - JSON

    private func jsonBody(_ line: UnsafeBufferPointer<UInt8>, from first: Int, number: Int, lineCount firstLineCount: Int,
                          truncated: Bool, facts: PrefixFacts, emit: Emit) {
        emitPending(emit)
        var body = line
        var start = first
        var lineCount = firstLineCount
        // Values written back to back on one line (`{...}{...}`) are read one after another in
        // this loop, not by recursion: a hostile line of `{}{}{}...` must not exhaust the stack.
        while true {
            let scanner = JSONScanner(body)
            switch scanner.scanObject(at: start, members: &members) {
            case .success(let end):
                var rest = scanner.skipWhitespace(from: end)
                if insideArray, rest < body.count, body[rest] == UInt8(ascii: ",") { rest = scanner.skipWhitespace(from: rest + 1) }
                if rest == body.count {
                    objectRecord(body, number: number, lineCount: lineCount, truncated: truncated, facts: facts, emit: emit)
                } else if body[rest] == UInt8(ascii: "{") {
                    objectRecord(UnsafeBufferPointer(rebasing: body[..<end]), number: number, lineCount: lineCount,
                                 truncated: truncated, facts: facts, emit: emit)
                    emitPending(emit)
                    body = UnsafeBufferPointer(rebasing: body[rest...])
                    start = 0
                    lineCount = 0 // the line is already counted with the first value
                    continue
                } else {
                    malformed(body, number: number, lineCount: lineCount, truncated: truncated, facts: facts, emit: emit)
                }
            case .failure(.incomplete) where !truncated:
                multiLine.start(UnsafeBufferPointer(rebasing: body[start...]), number: number, truncated: truncated, prefix: facts,
                                lineCount: lineCount)
            case .failure:
                malformed(body, number: number, lineCount: lineCount, truncated: truncated, facts: facts, emit: emit)
            }
            return
        }
    }

    /// A flat JSON object whose members were just scanned into `members`.
    private func objectRecord(_ body: UnsafeBufferPointer<UInt8>, number: Int, lineCount: Int, truncated: Bool,
                              facts: PrefixFacts, emit: Emit) {
        stats.linesInRecords += lineCount
        let view = JSONObjectView(bytes: body, members: members)
        let analysis = ObjectAnalysis(view)
        guard !analysis.needsEnvelope else {
            newRecords(bodies.drafts(view, analysis, depth: 0), number: number, truncated: truncated, facts: facts, emit: emit)
            return
        }
        var (level, time) = json.quick(analysis, view)
        if level == .unknown, let prefixLevel = facts.level { level = prefixLevel }
        if time == nil { time = facts.time }
        if let time { lastTime = time }
        guard query.admits(level: level, time: time ?? lastTime) else {
            // Rejected before being built; its continuation lines will be counted with it.
            stats.records += 1
            pending = (nil, nil)
            hasPending = true
            return
        }
        newRecords([json.draft(analysis, view)], number: number, truncated: truncated, facts: facts, emit: emit)
    }

    private func malformed(_ body: UnsafeBufferPointer<UInt8>, number: Int, lineCount: Int, truncated: Bool,
                           facts: PrefixFacts, emit: Emit) {
        stats.malformedJSON += 1
        textRecords(body, number: number, lineCount: lineCount, truncated: truncated, facts: facts, emit: emit)
    }

    private func textRecords(_ body: UnsafeBufferPointer<UInt8>, number: Int, lineCount: Int, truncated: Bool,
                             facts: PrefixFacts, emit: Emit) {
        emitPending(emit)
        stats.linesInRecords += lineCount
        newRecords([bodies.plainDraft(body)], number: number, truncated: truncated, facts: facts, emit: emit)
    }

    // MARK: - Multi-line JSON

    private func continueMultiLine(_ body: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool, facts: PrefixFacts,
                                   emit: Emit) {
        // A complete object starting a line on its own means the open value was a broken line.
        if body.first == UInt8(ascii: "{"), isCompleteObject(body) {
            failMultiLine(emit: emit)
            consumeAgain(body, number: number, truncated: truncated, facts: facts, emit: emit)
            return
        }
        switch multiLine.append(body, number: number, truncated: truncated, prefix: facts) {
        case .needMore:
            return
        case .failed:
            failMultiLine(emit: emit)
        case .complete(let end):
            let lines = multiLine.lines
            let facts = multiLine.prefix
            let lineCount = multiLine.uncountedLines
            let bytes = multiLine.bytes
            multiLine.reset()
            bytes.withUnsafeBufferPointer { all in
                let value = UnsafeBufferPointer(rebasing: all[..<end])
                if all.first == UInt8(ascii: "{"), case .success = JSONScanner(value).scanObject(at: 0, members: &members) {
                    objectRecord(value, number: lines[0].number, lineCount: lineCount, truncated: false, facts: facts, emit: emit)
                } else {
                    stats.linesInRecords += lineCount
                    newRecords(bodies.drafts(body: value), number: lines[0].number, truncated: false, facts: facts, emit: emit)
                }
                // What follows the value on its last line: another value, or an array's comma.
                var rest = JSONScanner(all).skipWhitespace(from: end)
                if rest < all.count, all[rest] == UInt8(ascii: ",") { rest = JSONScanner(all).skipWhitespace(from: rest + 1) }
                if rest < all.count {
                    let last = lines[lines.count - 1]
                    processBody(UnsafeBufferPointer(rebasing: all[rest...]), number: last.number,
                                lineCount: 0, truncated: false, facts: last.prefix, emit: emit)
                }
            }
        }
    }

    /// A line read again after a multi-line value failed: it may continue a value that the
    /// failure restarted, so it goes where a new line would go.
    private func consumeAgain(_ body: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool, facts: PrefixFacts,
                              emit: Emit) {
        if multiLine.isActive {
            continueMultiLine(body, number: number, truncated: truncated, facts: facts, emit: emit)
        } else {
            processBody(body, number: number, lineCount: 1, truncated: truncated, facts: facts, emit: emit)
        }
    }

    private func isCompleteObject(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        var scratch: [JSONScanner.Member] = []
        let scanner = JSONScanner(body)
        guard case .success(let end) = scanner.scanObject(at: 0, members: &scratch) else { return false }
        return scanner.skipWhitespace(from: end) == body.count
    }

    /// The buffered lines were not one JSON value: the first is a malformed record of its own,
    /// the others are read again as ordinary lines.
    private func failMultiLine(emit: Emit) {
        let lines = multiLine.lines
        let firstLineCount = multiLine.firstLineCount
        let bytes = multiLine.bytes
        multiLine.reset()
        guard let first = lines.first else { return }
        bytes.withUnsafeBufferPointer { all in
            malformed(UnsafeBufferPointer(rebasing: all[first.range]), number: first.number, lineCount: firstLineCount,
                      truncated: first.truncated, facts: first.prefix, emit: emit)
            for line in lines.dropFirst() {
                consumeAgain(UnsafeBufferPointer(rebasing: all[line.range]), number: line.number, truncated: line.truncated,
                             facts: line.prefix, emit: emit)
            }
        }
    }

    // MARK: - Records

    private func newRecords(_ drafts: [RecordDraft], number: Int, truncated: Bool, facts: PrefixFacts, emit: Emit) {
        emitPending(emit)
        for (k, draft) in drafts.enumerated() {
            var draft = draft
            facts.apply(to: &draft)
            if let time = draft.time { lastTime = time }
            stats.records += 1
            let record = draft.record(line: number, source: sourceName, truncated: truncated)
            pending = (record, draft.time ?? lastTime)
            hasPending = true
            if k < drafts.count - 1 { emitPending(emit) }
        }
    }

    private func attachContinuation(_ body: UnsafeBufferPointer<UInt8>) {
        guard var record = pending?.record else { return }
        record.message += "\n" + String(decoding: body, as: UTF8.self)
        pending?.record = record
    }

    private func emitPending(_ emit: Emit) {
        guard hasPending else { return }
        hasPending = false
        defer { pending = nil }
        guard let (record, effectiveTime) = pending, let record else { return }
        if query.matches(record, effectiveTime: effectiveTime) {
            stats.matched += 1
            emit(record)
        }
    }
}
