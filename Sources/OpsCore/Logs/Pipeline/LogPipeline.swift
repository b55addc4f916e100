#if canImport(Glibc)
import Glibc
#endif

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
    public internal(set) var stats = LogPipelineStats()

    let timestamps: TimestampParser
    let bodies: BodyNormaliser
    let json: JSONRecordNormaliser
    var members: [JSONScanner.Member] = []
    /// Reused for every line: refilling it costs a few instructions, a fresh one hundreds.
    var prefix = LinePrefix()
    /// Held here so the per-line lookups skip the lazy global's initialisation check.
    let keyTable = KeyRoles.table
    var continuation = ContinuationTracker()
    var multiLine = MultiLineJSON()
    var insideArray = false
    /// The newest record, held back until the next line shows whether continuation lines
    /// (stack traces) belong to it. `hasPending` with a nil record: the query already rejected it.
    var pendingRecord: LogRecord?
    var pendingTime: LogTimestamp?
    /// The prefix source (pod, container, service) of the held-back record: a stack line from
    /// another source never joins it, however the streams interleave.
    var pendingSource: String?
    var hasPending = false
    /// A line without its colour codes; reused from line to line.
    var colourless: [UInt8] = []
    /// A logfmt line rewritten as JSON; reused from line to line.
    var logfmtScratch: [UInt8] = []
    /// The line inside a docker json-file envelope, decoded; reused from line to line.
    var dockerScratch: [UInt8] = []
    var insideDockerLine = false
    /// CRI `P` (partial) bodies, or docker json-file parts without a newline, waiting for the rest.
    var partial: (bytes: [UInt8], number: Int, lines: Int, facts: PrefixFacts)?
    /// The last record's time, given to untimed records for time-window filtering.
    var lastTime: LogTimestamp?

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
        // A line that starts coloured (Fly text, stern on a terminal) hides its prefix and level
        // from every parser: its colour codes go before anything reads it. Elsewhere escape
        // sequences stay in the text, to be shown escaped.
        guard line.count > 1, line[0] == 0x1B, line[1] == UInt8(ascii: "["),
              SGRStripper.strip(line, into: &colourless) else {
            route(line, number: number, truncated: truncated, emit: emit)
            return
        }
        let stripped = colourless
        stripped.withUnsafeBufferPointer { route($0, number: number, truncated: truncated, emit: emit) }
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
                textRecords(bytes, number: waiting.number, lineCount: waiting.lines, truncated: false, facts: waiting.facts,
                            emit: emit)
            }
        }
        emitPending(emit)
    }

    // MARK: - Routing

    func route(_ line: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool, emit: Emit) {
        PrefixStripper.strip(line, into: &prefix)
        let body = UnsafeBufferPointer(rebasing: line[min(prefix.bodyStart, line.count)...])
        let facts = prefix.bodyStart > 0 || prefix.source != nil ? PrefixFacts(prefix, line: line, timestamps: timestamps) : .none
        if multiLine.isActive {
            continueMultiLine(body, number: number, truncated: truncated, facts: facts, emit: emit)
            return
        }
        if prefix.partial {
            var waiting = partial ?? ([], number, 0, facts) // the record's time is its first part's
            waiting.bytes.append(contentsOf: body)
            waiting.lines += 1
            partial = waiting
            return
        }
        if let waiting = partial {
            partial = nil
            let joined = waiting.bytes + Array(body)
            joined.withUnsafeBufferPointer { bytes in
                processBody(bytes, number: waiting.number, lineCount: waiting.lines + 1, truncated: truncated,
                            facts: waiting.facts, emit: emit)
            }
            return
        }
        processBody(body, number: number, lineCount: 1, truncated: truncated, facts: facts, emit: emit)
    }

    func processBody(_ body: UnsafeBufferPointer<UInt8>, number: Int, lineCount: Int, truncated: Bool,
                     facts: PrefixFacts, emit: Emit) {
        let scanner = JSONScanner(body)
        let first = scanner.skipWhitespace(from: 0)
        guard first < body.count else {
            // Blank lines inside a Go crash or a chained Python traceback belong to it.
            if hasPending, facts.source == pendingSource, continuation.isContinuation(body) {
                attachContinuation(body)
                stats.linesInRecords += lineCount
                stats.continuationLines += lineCount
            } else {
                stats.blankLines += lineCount
            }
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
        if c != UInt8(ascii: "{") || (first > 0 && isCodeNotJSON(body, from: first)), hasPending,
           facts.source == pendingSource, continuation.isContinuation(body) {
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
        } else if c != UInt8(ascii: "["), let logfmt = LogfmtParser.parse(body) {
            logfmtRecord(logfmt, line: body, number: number, lineCount: lineCount, truncated: truncated, facts: facts, emit: emit)
        } else {
            emitPending(emit)
            stats.linesInRecords += lineCount
            newRecords(bodies.drafts(body: body), number: number, truncated: truncated, facts: facts, emit: emit)
        }
    }

    // MARK: - Records

    func newRecords(_ drafts: [RecordDraft], number: Int, truncated: Bool, facts: PrefixFacts, emit: Emit) {
        emitPending(emit)
        for (k, draft) in drafts.enumerated() {
            var draft = draft
            facts.apply(to: &draft)
            if let time = draft.time { lastTime = time }
            stats.records += 1
            let record = draft.record(line: number, source: sourceName, truncated: truncated)
            pendingRecord = record
            pendingTime = draft.time ?? lastTime
            pendingSource = facts.source
            hasPending = true
            if k < drafts.count - 1 { emitPending(emit) }
        }
    }

    func attachContinuation(_ body: UnsafeBufferPointer<UInt8>) {
        guard pendingRecord != nil else { return }
        pendingRecord!.message += "\n" + String(decoding: body, as: UTF8.self)
    }

    func emitPending(_ emit: Emit) {
        guard hasPending else { return }
        hasPending = false
        guard let record = pendingRecord.take() else { return }
        if query.matches(record, effectiveTime: pendingTime) {
            stats.matched += 1
            emit(record)
        }
    }
}
