/// Builds `JSONValue`s from bytes the scanner has already validated. Only records that pass
/// the cheap filters get here, so allocation is spent only on what will be shown.
public struct JSONMaterialiser {
    let bytes: UnsafeBufferPointer<UInt8>

    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The value of a scanned member.
    public func value(of member: JSONScanner.Member) -> JSONValue {
        switch member.kind {
        case .string, .escapedString:
            return .string(string(member.valueStart, member.valueEnd, escaped: member.kind == .escapedString))
        case .number:
            return .number(String(decoding: slice(member.valueStart, member.valueEnd), as: UTF8.self))
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .null: return .null
        case .object, .array:
            var i = member.valueStart
            return parse(&i, depth: 0)
        }
    }

    public func key(of member: JSONScanner.Member) -> String {
        string(member.keyStart, member.keyEnd, escaped: member.keyEscaped)
    }

    /// Parses the (valid) value starting at `offset`.
    public func value(at offset: Int) -> JSONValue {
        var i = offset
        return parse(&i, depth: 0)
    }

    func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    func string(_ start: Int, _ end: Int, escaped: Bool) -> String {
        JSONStringDecoder.decode(slice(start, end), escaped: escaped)
    }

    private func skipWhitespace(_ i: inout Int) {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    /// Reads a string starting at its quote; leaves `i` past the closing quote.
    private func parseString(_ i: inout Int) -> String {
        let start = i + 1
        var j = start
        var escaped = false
        while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
            if bytes[j] == UInt8(ascii: "\\") { escaped = true; j += 1 }
            j += 1
        }
        let end = min(j, bytes.count)
        i = min(end + 1, bytes.count)
        return string(start, end, escaped: escaped)
    }

    private func parse(_ i: inout Int, depth: Int) -> JSONValue {
        skipWhitespace(&i)
        guard i < bytes.count, depth <= JSONScanner.maxDepth else { return .null }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [JSONMember] = []
            while true {
                skipWhitespace(&i)
                guard i < bytes.count, bytes[i] != UInt8(ascii: "}") else { i += 1; break }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                let key = parseString(&i)
                skipWhitespace(&i)
                if i < bytes.count, bytes[i] == UInt8(ascii: ":") { i += 1 }
                members.append(JSONMember(key, parse(&i, depth: depth + 1)))
            }
            return .object(members)
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            while true {
                skipWhitespace(&i)
                guard i < bytes.count, bytes[i] != UInt8(ascii: "]") else { i += 1; break }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                items.append(parse(&i, depth: depth + 1))
            }
            return .array(items)
        case UInt8(ascii: "\""):
            return .string(parseString(&i))
        case UInt8(ascii: "t"): i += 4; return .bool(true)
        case UInt8(ascii: "f"): i += 5; return .bool(false)
        case UInt8(ascii: "n"): i += 4; return .null
        default:
            let start = i
            while i < bytes.count, Self.isNumberByte(bytes[i]) { i += 1 }
            if i == start { i += 1; return .null } // unreachable on validated input; never loop forever
            return .number(String(decoding: slice(start, i), as: UTF8.self))
        }
    }

    private static func isNumberByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
            || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
    }
}
