/// Finds a record's human message: the best message key, Rust tracing's `fields.message`, an
/// OTel `body` AnyValue, or a Serilog template rendered from the record's properties.
enum MessageResolver {
    struct Resolved {
        var text: String
        /// The member the message came from, or nil when it came from inside another member.
        var index: Int?
    }

    /// Ranks of `message`, `msg`, `@m`, `Message`, `event`: all better than `fields.message`.
    private static let betterThanNestedFields: UInt8 = 4

    static func message(_ analysis: ObjectAnalysis, _ view: JSONObjectView) -> Resolved? {
        let pick = analysis.message
        if analysis.signals.contains(.rustFields), pick.map({ $0.rank > betterThanNestedFields }) ?? true,
           let f = view.index(of: "fields"), let fields = view.nestedObject(f), let m = fields.index(of: "message") {
            return Resolved(text: text(of: fields.value(m)), index: nil)
        }
        guard let pick else { return nil }
        if KeyRoles.messageKeys[Int(pick.rank)] == "@mt" {
            return Resolved(text: renderTemplate(view.string(pick.index) ?? "", view), index: pick.index)
        }
        return Resolved(text: text(of: view.value(pick.index)), index: pick.index)
    }

    /// A message value as text: strings as they are, OTel AnyValue unwrapped, anything else as JSON.
    static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .object(let members) where members.count == 1:
            let inner = members[0]
            if inner.key.hasSuffix("Value") { // {"stringValue": ...}, {"intValue": ...}
                return inner.value.stringValue ?? inner.value.plainText
            }
            return JSONWriter.serialize(value)
        default:
            return value.plainText
        }
    }

    /// Serilog message templates: `Charged {Amount} to {Card}` with `{Name}`, `{Name:format}`,
    /// `{@Name}` and `{$Name}` read from the record's top-level properties; `{{` and `}}` are literal.
    static func renderTemplate(_ template: String, _ view: JSONObjectView) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            out += rest[..<open]
            let next = rest.index(after: open)
            if next < rest.endIndex, rest[next] == rest[open] { // an escaped brace
                out.append(rest[open])
                rest = rest[rest.index(after: next)...]
                continue
            }
            guard rest[open] == "{", let close = rest[next...].firstIndex(of: "}") else {
                out.append(rest[open])
                rest = rest[next...]
                continue
            }
            var name = rest[next..<close]
            if name.first == "@" || name.first == "$" { name = name.dropFirst() }
            if let colon = name.firstIndex(where: { $0 == ":" || $0 == "," }) { name = name[..<colon] }
            if let i = view.index(of: String(name)) {
                out += view.value(i).plainText
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }
}
