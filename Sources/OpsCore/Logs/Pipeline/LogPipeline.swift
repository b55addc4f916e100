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
    public private(set) var stats = LogPipelineStats()

    private let timestamps: TimestampParser
    private let bodies: BodyNormaliser
    private let json: JSONRecordNormaliser
    private var members: [JSONScanner.Member] = []
    /// Reused for every line: refilling it costs a few instructions, a fresh one hundreds.
    private var prefix = LinePrefix()
    /// Held here so the per-line lookups skip the lazy global's initialisation check.
    private let keyTable = KeyRoles.table
    private var continuation = ContinuationTracker()
    private var multiLine = MultiLineJSON()
    private var insideArray = false
    /// The newest record, held back until the next line shows whether continuation lines
    /// (stack traces) belong to it. `hasPending` with a nil record: the query already rejected it.
    private var pendingRecord: LogRecord?
    private var pendingTime: LogTimestamp?
    /// The prefix source (pod, container, service) of the held-back record: a stack line from
    /// another source never joins it, however the streams interleave.
    private var pendingSource: String?
    private var hasPending = false
    /// A line without its colour codes; reused from line to line.
    private var colourless: [UInt8] = []
    /// A logfmt line rewritten as JSON; reused from line to line.
    private var logfmtScratch: [UInt8] = []
    /// The line inside a docker json-file envelope, decoded; reused from line to line.
    private var dockerScratch: [UInt8] = []
    private var insideDockerLine = false
    /// CRI `P` (partial) bodies, or docker json-file parts without a newline, waiting for the rest.
    private var partial: (bytes: [UInt8], number: Int, lines: Int, facts: PrefixFacts)?
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

    private func route(_ line: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool, emit: Emit) {
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

    /// A logfmt line is rewritten as the JSON object it means and read by the JSON fast path,
    /// so one set of key rules serves both and rejected lines are never built. Text before the
    /// first pair is the message when no pair holds one.
    private func logfmtRecord(_ logfmt: LogfmtLine, line: UnsafeBufferPointer<UInt8>, number: Int, lineCount: Int,
                              truncated: Bool, facts: PrefixFacts, emit: Emit) {
        emitPending(emit)
        var pairs = logfmt.pairs
        if let leading = logfmt.leadingText, !leading.isEmpty,
           !pairs.contains(where: { keyTable.lookup($0.key)?.role == .message }) {
            pairs.insert(JSONMember("message", .string(leading)), at: 0)
        }
        var writer = JSONWriter(capacity: 0)
        swap(&writer.bytes, &logfmtScratch)
        writer.bytes.removeAll(keepingCapacity: true)
        writer.write(.object(pairs))
        swap(&writer.bytes, &logfmtScratch)
        logfmtScratch.withUnsafeBufferPointer { bytes in
            if case .success = JSONScanner(bytes).scanObject(at: 0, members: &members) {
                objectRecord(bytes, number: number, lineCount: lineCount, truncated: truncated, facts: facts, emit: emit)
            } else { // the writer always writes valid JSON; should it not, the line stays text
                textRecords(line, number: number, lineCount: lineCount, truncated: truncated, facts: facts, emit: emit)
            }
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
        let view = JSONObjectView(bytes: body, members: members)
        let analysis = ObjectAnalysis(view, keys: keyTable)
        if !insideDockerLine, analysis.signals.contains(.dockerStream),
           let docker = DockerJSONFileLine(analysis, view, times: json.times) {
            dockerLine(docker, view, number: number, lineCount: lineCount, truncated: truncated, facts: facts, emit: emit)
            return
        }
        stats.linesInRecords += lineCount
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
            pendingSource = facts.source
            hasPending = true
            return
        }
        newRecords([json.draft(analysis, view)], number: number, truncated: truncated, facts: facts, emit: emit)
    }

    /// docker's json-file log driver wraps each line the container wrote; the line inside is
    /// read as a line of its own (through the same fast path), with the envelope's time and
    /// stream as fallbacks. Lines over 16 KiB arrive split, the parts without a trailing newline.
    private func dockerLine(_ docker: DockerJSONFileLine, _ view: JSONObjectView, number: Int, lineCount: Int,
                            truncated: Bool, facts: PrefixFacts, emit: Emit) {
        var facts = facts
        if facts.time == nil { facts.time = docker.time }
        if let stream = docker.stream { facts.metadata.append(JSONMember("stream", .string(stream))) }
        dockerScratch.removeAll(keepingCapacity: true)
        let complete = docker.decodeLine(view, into: &dockerScratch)
        if !complete {
            var waiting = partial ?? ([], number, 0, facts)
            waiting.bytes.append(contentsOf: dockerScratch)
            waiting.lines += lineCount
            partial = waiting
            return
        }
        var lines = lineCount
        var start = number
        if let waiting = partial {
            partial = nil
            dockerScratch.insert(contentsOf: waiting.bytes, at: 0)
            lines += waiting.lines
            start = waiting.number
            facts = waiting.facts
        }
        insideDockerLine = true
        defer { insideDockerLine = false }
        dockerScratch.withUnsafeBufferPointer { inner in
            processBody(inner, number: start, lineCount: lines, truncated: truncated, facts: facts, emit: emit)
        }
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
                // What follows the value: another value, or an array's comma. Brackets are counted by
                // line, so `}{` hides the end of the first value and the buffer may run on past it:
                // the next value starts on the line that holds `rest`, not on the last line.
                var rest = JSONScanner(all).skipWhitespace(from: end)
                if rest < all.count, all[rest] == UInt8(ascii: ",") { rest = JSONScanner(all).skipWhitespace(from: rest + 1) }
                if rest < all.count {
                    let startLine = lines.last(where: { $0.range.lowerBound <= rest }) ?? lines[lines.count - 1]
                    processBody(UnsafeBufferPointer(rebasing: all[rest...]), number: startLine.number,
                                lineCount: 0, truncated: false, facts: startLine.prefix, emit: emit)
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

    /// An indented line that starts with `{` yet is no JSON value, nor the start of one: a line
    /// of code in a traceback (`    {"a": 1}["b"]`), which may join the record above.
    private func isCodeNotJSON(_ body: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var scratch: [JSONScanner.Member] = []
        let scanner = JSONScanner(body)
        switch scanner.scanObject(at: start, members: &scratch) {
        case .success(let end):
            let rest = scanner.skipWhitespace(from: end)
            return rest < body.count && body[rest] != UInt8(ascii: ",") && body[rest] != UInt8(ascii: "{")
        case .failure(.invalid): return true
        case .failure(.incomplete): return false
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
            pendingRecord = record
            pendingTime = draft.time ?? lastTime
            pendingSource = facts.source
            hasPending = true
            if k < drafts.count - 1 { emitPending(emit) }
        }
    }

    private func attachContinuation(_ body: UnsafeBufferPointer<UInt8>) {
        guard pendingRecord != nil else { return }
        pendingRecord!.message += "\n" + String(decoding: body, as: UTF8.self)
    }

    private func emitPending(_ emit: Emit) {
        guard hasPending else { return }
        hasPending = false
        guard let record = pendingRecord.take() else { return }
        if query.matches(record, effectiveTime: pendingTime) {
            stats.matched += 1
            emit(record)
        }
    }
}
