/// Reads a record's time from the best candidate key that holds a valid time, trying the next
/// candidate when one is missing, malformed or out of range.
struct TimeResolver {
    let parser: TimestampParser
    private let secondsAndNanosRank = UInt8(KeyRoles.timeKeys.firstIndex(of: "timestampSeconds")!)

    func time(_ analysis: ObjectAnalysis, _ view: JSONObjectView) -> (LogTimestamp, index: Int)? {
        guard let best = analysis.time else { return nil }
        if let t = time(at: best.index, rank: best.rank, view) { return (t, best.index) }
        // The best candidate failed: try the others in rank order (rare, so rescanning is fine).
        var candidates: [(rank: UInt8, index: Int)] = []
        for i in view.members.indices where i != best.index {
            if let info = KeyRoles.table.lookup(view.keyBytes(i)), info.role == .time {
                candidates.append((info.rank, i))
            }
        }
        for c in candidates.sorted(by: { $0.rank < $1.rank }) {
            if let t = time(at: c.index, rank: c.rank, view) { return (t, c.index) }
        }
        return nil
    }

    func time(at i: Int, rank: UInt8, _ view: JSONObjectView) -> LogTimestamp? {
        switch view.kind(i) {
        case .number:
            if rank == secondsAndNanosRank { return secondsAndNanos(view, i) }
            return parser.parse(number: view.valueBytes(i))
        case .string:
            return parser.parse(text: view.valueBytes(i))
        case .escapedString:
            return escapedTime(view, i)
        case .object:
            // GCP `timestamp: {seconds, nanos}`.
            guard let inner = view.nestedObject(i), let s = inner.index(of: "seconds") else { return nil }
            let seconds = inner.integer(s) ?? 0
            let nanos = inner.index(of: "nanos").flatMap { inner.integer($0) } ?? 0
            return parser.parse(seconds: seconds, nanos: nanos)
        default:
            return nil
        }
    }

    /// Kept out of line: a closure here would make every call copy the parser.
    @inline(never)
    private func escapedTime(_ view: JSONObjectView, _ i: Int) -> LogTimestamp? {
        var decoded: [UInt8] = []
        JSONStringDecoder.unescape(view.valueBytes(i), into: &decoded)
        return decoded.withUnsafeBufferPointer { parser.parse(text: $0) }
    }

    private func secondsAndNanos(_ view: JSONObjectView, _ i: Int) -> LogTimestamp? {
        guard let seconds = view.integer(i) else { return nil }
        let nanos = view.index(of: "timestampNanos").flatMap { view.integer($0) } ?? 0
        return parser.parse(seconds: seconds, nanos: nanos)
    }
}

extension JSONObjectView {
    /// A member holding an integer (as a JSON number or a digit string).
    func integer(_ i: Int) -> Int64? {
        let text: String? = kind(i) == .number ? String(decoding: valueBytes(i), as: UTF8.self) : string(i)
        return text.flatMap { Int64($0) }
    }
}
