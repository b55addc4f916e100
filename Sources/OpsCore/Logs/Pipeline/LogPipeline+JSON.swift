/// The JSON paths of the pipeline: one or several values on a line, flat objects read through
/// the fast path, docker json-file lines, logfmt rewritten as JSON, and malformed lines kept as text.
extension LogPipeline {
    func jsonBody(_ line: UnsafeBufferPointer<UInt8>, from first: Int, number: Int, lineCount firstLineCount: Int,
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
    func objectRecord(_ body: UnsafeBufferPointer<UInt8>, number: Int, lineCount: Int, truncated: Bool,
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
    func dockerLine(_ docker: DockerJSONFileLine, _ view: JSONObjectView, number: Int, lineCount: Int,
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

    func malformed(_ body: UnsafeBufferPointer<UInt8>, number: Int, lineCount: Int, truncated: Bool,
                   facts: PrefixFacts, emit: Emit) {
        stats.malformedJSON += 1
        textRecords(body, number: number, lineCount: lineCount, truncated: truncated, facts: facts, emit: emit)
    }

    func textRecords(_ body: UnsafeBufferPointer<UInt8>, number: Int, lineCount: Int, truncated: Bool,
                     facts: PrefixFacts, emit: Emit) {
        emitPending(emit)
        stats.linesInRecords += lineCount
        newRecords([bodies.plainDraft(body)], number: number, truncated: truncated, facts: facts, emit: emit)
    }

    /// A logfmt line is rewritten as the JSON object it means and read by the JSON fast path,
    /// so one set of key rules serves both and rejected lines are never built. Text before the
    /// first pair is the message when no pair holds one.
    func logfmtRecord(_ logfmt: LogfmtLine, line: UnsafeBufferPointer<UInt8>, number: Int, lineCount: Int,
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
}
