/// JSON laid out for a person: two-space indents, one member a line, keys in input order.
/// Strings are escaped as `JSONWriter` escapes them, so the text is still exact JSON and carries
/// no control character.
public enum JSONPrettyPrinter {
    public static func lines(_ value: JSONValue) -> [String] {
        var out: [String] = []
        var current = ""
        write(value, indent: 0, into: &out, current: &current)
        out.append(current)
        return out
    }

    private static func scalar(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout [String], current: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        switch value {
        case .object(let members) where !members.isEmpty:
            current += "{"
            for (i, member) in members.enumerated() {
                out.append(current)
                current = pad + scalar(.string(member.key)) + ": "
                write(member.value, indent: indent + 1, into: &out, current: &current)
                if i < members.count - 1 { current += "," }
            }
            out.append(current)
            current = String(repeating: "  ", count: indent) + "}"
        case .array(let items) where !items.isEmpty:
            current += "["
            for (i, item) in items.enumerated() {
                out.append(current)
                current = pad
                write(item, indent: indent + 1, into: &out, current: &current)
                if i < items.count - 1 { current += "," }
            }
            out.append(current)
            current = String(repeating: "  ", count: indent) + "]"
        default:
            current += scalar(value)
        }
    }
}

extension LogRecord {
    /// The record as `opsdeck logs --output json` writes it, as a value (for the detail pane).
    public var jsonValue: JSONValue {
        var writer = JSONWriter()
        RecordJSONEncoder().append(self, to: &writer)
        return (try? writer.bytes.withUnsafeBufferPointer { bytes in
            try JSONParser.parse(UnsafeBufferPointer(rebasing: bytes.dropLast())) // without its newline
        }) ?? .string(message)
    }
}
