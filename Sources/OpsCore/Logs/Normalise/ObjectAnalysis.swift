/// The first, allocation-free look at a JSON record: one pass over its top-level keys that
/// finds the best candidate member for each role and the signals of known envelopes. Level and
/// time are read from it cheaply; the rest of the record is built only if it passes the filters.
struct ObjectAnalysis {
    struct Pick {
        var index: Int
        var rank: UInt8
    }

    var time: Pick?
    var levelText: Pick?
    var levelNumeric: Pick?
    var message: Pick?
    var trace: Pick?
    /// The best member holding an error (`err`, `error`, `stack_trace`, ...), when one is not empty.
    var error: Pick?
    var signals: EnvelopeSignals = []

    init(_ view: JSONObjectView, keys table: ByteKeyTable<KeyInfo> = KeyRoles.table) {
        for i in view.members.indices {
            let key = view.keyBytes(i)
            var info: KeyInfo?
            if view.members[i].keyEscaped {
                // Keys with escapes are rare; decode them before the lookup.
                info = table.lookup(view.key(i))
            } else {
                info = table.lookup(key)
            }
            guard let info else { continue }
            let kind = view.members[i].kind
            signals.formUnion(info.signal)
            let pick = Pick(index: i, rank: info.rank)
            switch info.role {
            case .time: ObjectAnalysis.keepBest(&time, pick)
            case .levelText: ObjectAnalysis.keepBest(&levelText, pick)
            case .levelNumeric: ObjectAnalysis.keepBest(&levelNumeric, pick)
            case .message:
                if kind == .object, info.rank == 10 { // "log" holding an object: the ECS nested form
                    signals.insert(.nestedLog)
                } else if kind != .null {
                    ObjectAnalysis.keepBest(&message, pick)
                    if message?.index == i {
                        let m = view.members[i]
                        let first = m.valueStart < m.valueEnd ? view.bytes[m.valueStart] : 0
                        messageLooksLikeJSON = view.isString(i) && (first == UInt8(ascii: "{") || first == UInt8(ascii: "["))
                    }
                }
            case .trace:
                if kind == .object { signals.insert(.nestedTrace) }
                ObjectAnalysis.keepBest(&trace, pick)
            case .error:
                if kind == .object { signals.insert(.nestedError) }
                if !ObjectAnalysis.isEmptyValue(view, i) { ObjectAnalysis.keepBest(&error, pick) }
            case .signal:
                break
            }
            if info.rank == 4, info.role == .time { signals.insert(.serilogTime) }        // "@t"
            if info.rank == 12, info.role == .message { signals.insert(.serilogTemplate) } // "@mt"
        }
    }

    @inline(__always)
    private static func keepBest(_ slot: inout Pick?, _ candidate: Pick) {
        if let current = slot, current.rank <= candidate.rank { return }
        slot = candidate
    }

    /// `null`, `""`, `{}` and `[]` carry no error and must not raise a level.
    private static func isEmptyValue(_ view: JSONObjectView, _ i: Int) -> Bool {
        let m = view.members[i]
        switch m.kind {
        case .null, .false: return true
        case .string: return m.valueStart == m.valueEnd
        case .object, .array: return view.firstNonWhitespace(from: m.valueStart + 1) == m.valueEnd - 1
        default: return false
        }
    }

    /// True when the record must be read by the envelope rules rather than as a flat object.
    var needsEnvelope: Bool {
        !signals.isDisjoint(with: [.gcpPayload, .otlp, .elasticHit, .lambdaRecord, .flyMeta, .renderLabels])
            || (signals.contains(.dockerStream) && message?.rank == 10) // docker json-file {"log","stream","time"}
            || messageLooksLikeJSON
    }

    /// A message that is itself JSON (Fly, stern, CloudWatch): its keys win over the outer ones.
    var messageLooksLikeJSON = false
}

extension JSONObjectView {
    /// The offset of the first non-whitespace byte at or after `offset`.
    func firstNonWhitespace(from offset: Int) -> Int { JSONScanner(bytes).skipWhitespace(from: offset) }
}
