/// Reads the body of a line — what is left once tool prefixes are stripped — as JSON, logfmt or
/// plain text, unwrapping envelopes, into normalised drafts. This is the complete (slow) path;
/// the pipeline has a faster one for flat JSON records that the filters reject.
struct BodyNormaliser {
    let timestamps: TimestampParser
    let json: JSONRecordNormaliser
    /// Envelopes nest (Render -> Fly-style JSON message -> ...), but never without end.
    static let maxEnvelopeDepth = 3

    init(timestamps: TimestampParser) {
        self.timestamps = timestamps
        json = JSONRecordNormaliser(timestamps: timestamps)
    }

    func drafts(body: UnsafeBufferPointer<UInt8>, depth: Int = 0) -> [RecordDraft] {
        let scanner = JSONScanner(body)
        let start = scanner.skipWhitespace(from: 0)
        if start < body.count, body[start] == UInt8(ascii: "{") {
            var members: [JSONScanner.Member] = []
            if case .success(let end) = scanner.scanObject(at: start, members: &members),
               scanner.skipWhitespace(from: end) == body.count {
                let view = JSONObjectView(bytes: body, members: members)
                return drafts(view, ObjectAnalysis(view), depth: depth)
            }
        }
        if start < body.count, body[start] == UInt8(ascii: "["), let elements = arrayOfObjects(body) {
            return elements.flatMap { drafts(object: $0, depth: depth) }
        }
        if let logfmt = LogfmtParser.parse(body) {
            var fromPairs = drafts(object: .object(logfmt.pairs), depth: depth)
            if let leading = logfmt.leadingText, !leading.isEmpty {
                for i in fromPairs.indices where fromPairs[i].message.isEmpty { fromPairs[i].message = leading }
            }
            return fromPairs
        }
        return [plainDraft(body)]
    }

    func drafts(_ view: JSONObjectView, _ analysis: ObjectAnalysis, depth: Int) -> [RecordDraft] {
        if analysis.needsEnvelope, depth < BodyNormaliser.maxEnvelopeDepth,
           let replacements = EnvelopeReader.unwrap(analysis, view, outer: { json.draft(analysis, view) }) {
            return replacements.flatMap { replacement -> [RecordDraft] in
                switch replacement {
                case .object(let value, let source):
                    return drafts(object: value, depth: depth + 1).map { draft in
                        var draft = draft
                        if draft.source == nil { draft.source = source }
                        return draft
                    }
                case .innerText(let text, let outer):
                    return text.withUnsafeBufferPointer { drafts(body: $0, depth: depth + 1) }.map { draft in
                        var draft = draft
                        draft.fillGaps(from: outer)
                        draft.fields += outer.fields
                        return draft
                    }
                }
            }
        }
        return [json.draft(analysis, view)]
    }

    /// Reads an object built by an envelope or from logfmt pairs, through the same JSON path.
    func drafts(object: JSONValue, depth: Int) -> [RecordDraft] {
        var writer = JSONWriter()
        writer.write(object)
        return writer.bytes.withUnsafeBufferPointer { bytes in
            guard let view = JSONObjectView(scanning: bytes) else { return [] }
            return drafts(view, ObjectAnalysis(view), depth: depth)
        }
    }

    /// `[{...},{...}]` on one line (gcloud `--format=json` output that fits a line).
    private func arrayOfObjects(_ body: UnsafeBufferPointer<UInt8>) -> [JSONValue]? {
        guard case .array(let items) = try? JSONParser.parse(body), !items.isEmpty,
              items.allSatisfy({ $0.objectMembers != nil }) else { return nil }
        return items
    }

    /// A line of text: a leading timestamp, a level word or a klog header, then the message.
    func plainDraft(_ body: UnsafeBufferPointer<UInt8>) -> RecordDraft {
        let plain = PlainTextParser.parse(body)
        var draft = RecordDraft()
        if let range = plain.timestamp {
            draft.time = plain.metadata.contains(where: { $0.key == "klog" })
                ? klogTime(UnsafeBufferPointer(rebasing: body[range]))
                : timestamps.parse(text: UnsafeBufferPointer(rebasing: body[range]))
        }
        if let range = plain.levelWord {
            draft.level = LevelMapper.level(word: UnsafeBufferPointer(rebasing: body[range])) ?? .unknown
        } else if let letter = plain.klogSeverity {
            draft.level = LevelMapper.level(word: String(UnicodeScalar(letter))) ?? .unknown
        }
        let messageStart = min(max(plain.messageStart, 0), body.count)
        draft.message = String(decoding: UnsafeBufferPointer(rebasing: body[messageStart...]), as: UTF8.self)
        draft.fields = plain.metadata.filter { $0.key != "klog" }
        return draft
    }

    /// klog headers carry `MMDD hh:mm:ss.uuuuuu` without a year: take the year of the newest
    /// time the parser accepts, and the year before when that would put the line in the future.
    private func klogTime(_ text: UnsafeBufferPointer<UInt8>) -> LogTimestamp? {
        let header = String(decoding: text, as: UTF8.self)
        guard header.count >= 4 else { return nil }
        let year = CivilTime(secondsSinceEpoch: timestamps.latestAccepted.secondsSinceEpoch).year
        let monthDay = header.prefix(4)
        let rest = header.dropFirst(4)
        for candidate in [year, year - 1] {
            let iso = "\(candidate)-\(monthDay.prefix(2))-\(monthDay.suffix(2))\(rest)"
            if let t = timestamps.parse(string: iso) { return t }
        }
        return nil
    }
}
