/// The multi-line JSON path of the pipeline: values over several lines, and what happens when
/// the buffered lines turn out not to be one.
extension LogPipeline {
    func continueMultiLine(_ body: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool, facts: PrefixFacts,
                           emit: Emit) {
        // A complete object starting a line on its own, or a line no JSON value could contain,
        // means the open value was a broken line: fail now rather than hold lines back.
        if (body.first == UInt8(ascii: "{") && isCompleteObject(body)) || !MultiLineJSON.canContinueValue(body) {
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
    func consumeAgain(_ body: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool, facts: PrefixFacts,
                      emit: Emit) {
        if multiLine.isActive {
            continueMultiLine(body, number: number, truncated: truncated, facts: facts, emit: emit)
        } else {
            processBody(body, number: number, lineCount: 1, truncated: truncated, facts: facts, emit: emit)
        }
    }

    /// An indented line that starts with `{` yet is no JSON value, nor the start of one: a line
    /// of code in a traceback (`    {"a": 1}["b"]`), which may join the record above.
    func isCodeNotJSON(_ body: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
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

    func isCompleteObject(_ body: UnsafeBufferPointer<UInt8>) -> Bool {
        var scratch: [JSONScanner.Member] = []
        let scanner = JSONScanner(body)
        guard case .success(let end) = scanner.scanObject(at: 0, members: &scratch) else { return false }
        return scanner.skipWhitespace(from: end) == body.count
    }

    /// The buffered lines were not one JSON value: the first is a malformed record of its own,
    /// the others are read again as ordinary lines.
    func failMultiLine(emit: Emit) {
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
}
