/// Turns one flat JSON object into a normalised record. `quick` reads only level and time, for
/// the filters; `draft` builds the whole record for those that pass.
struct JSONRecordNormaliser {
    let times: TimeResolver
    let levels = LevelResolver()

    init(timestamps: TimestampParser) { times = TimeResolver(parser: timestamps) }

    func quick(_ analysis: ObjectAnalysis, _ view: JSONObjectView) -> (level: LogLevel, time: LogTimestamp?) {
        (levels.level(analysis, view), times.time(analysis, view)?.0)
    }

    func draft(_ analysis: ObjectAnalysis, _ view: JSONObjectView) -> RecordDraft {
        var draft = RecordDraft()
        var consumed = MemberSet(count: view.members.count)
        let level = levels.levelAndSource(analysis, view)
        draft.level = level.level
        if let i = level.index { consumed.insert(i) }
        if let (time, i) = times.time(analysis, view) {
            draft.time = time
            consumed.insert(i)
        }
        var messageFromRustFields = false
        if let message = MessageResolver.message(analysis, view) {
            draft.message = message.text
            if let i = message.index { consumed.insert(i) } else { messageFromRustFields = true }
        }
        if let extracted = ErrorExtractor.extract(view) {
            draft.error = extracted.error
            for i in extracted.consumed { consumed.insert(i) }
        }
        if let pick = analysis.trace, let trace = traceID(view, pick.index) {
            draft.traceId = trace
            consumed.insert(pick.index)
        } else if analysis.signals.contains(.dotnetScopes), let trace = dotnetScopeTrace(view) {
            draft.traceId = trace
        }
        draft.fields = fields(view, skipping: consumed, hoistRustFields: messageFromRustFields)
        if analysis.signals.contains(.flyMeta), let i = view.index(of: "instance") {
            draft.source = view.string(i) // `fly logs --json`: the machine is the record's source
        }
        return draft
    }

    private func traceID(_ view: JSONObjectView, _ i: Int) -> String? {
        switch view.kind(i) {
        case .number:
            return UInt64(String(decoding: view.valueBytes(i), as: UTF8.self)).flatMap { TraceID.normalise(decimal: $0) }
        case .object:
            guard let inner = view.nestedObject(i), let id = inner.index(of: "id") else { return nil }
            return inner.withStringBytes(id) { TraceID.normalise($0) } ?? nil
        default:
            return view.withStringBytes(i) { TraceID.normalise($0) } ?? nil
        }
    }

    /// .NET's `Scopes: [{"TraceId": ...}]`.
    private func dotnetScopeTrace(_ view: JSONObjectView) -> String? {
        guard let i = view.index(of: "Scopes"), case .array(let scopes) = view.value(i) else { return nil }
        for scope in scopes {
            if let text = scope["TraceId"]?.stringValue, let trace = TraceID.normalise(text) { return trace }
        }
        return nil
    }

    /// Every member not turned into a normalised part, in input order. Rust tracing's `fields`
    /// object is hoisted (its `message` became the message).
    private func fields(_ view: JSONObjectView, skipping consumed: MemberSet, hoistRustFields: Bool) -> [JSONMember] {
        var out: [JSONMember] = []
        out.reserveCapacity(view.members.count)
        for i in view.members.indices where !consumed.contains(i) {
            let key = view.key(i)
            if hoistRustFields, key == "fields", case .object(let inner) = view.value(i) {
                out.append(contentsOf: inner.filter { $0.key != "message" })
                continue
            }
            out.append(JSONMember(key, view.value(i)))
        }
        return out
    }
}

/// Which members of an object were used, as bits: cheaper than a Set for the few dozen members
/// a record has.
struct MemberSet {
    private var bits: [UInt64]

    init(count: Int) { bits = Array(repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ i: Int) { bits[i >> 6] |= 1 << UInt64(i & 63) }

    func contains(_ i: Int) -> Bool { bits[i >> 6] & (1 << UInt64(i & 63)) != 0 }
}
