/// A JSON value as read from a log. Numbers keep their source text so that large integers
/// (nanosecond times, 64-bit ids) survive a round trip unchanged; objects keep key order.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var objectMembers: [JSONMember]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The member of an object by exact key, first occurrence.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// A dotted path (`req.headers.host`) looked up as nested objects, trying the flat dotted
    /// key at each level too, because ECS writers use both forms even in one stream.
    public func lookup(path: Substring) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        if let exact = members.first(where: { $0.key == path }) { return exact.value }
        var dot = path.firstIndex(of: ".")
        while let d = dot {
            let head = path[..<d]
            if let inner = members.first(where: { $0.key == head }),
               let found = inner.value.lookup(path: path[path.index(after: d)...]) {
                return found
            }
            dot = path[path.index(after: d)...].firstIndex(of: ".")
        }
        return nil
    }

    /// The text a user compares against in a filter: strings bare, everything else as JSON.
    public var plainText: String {
        switch self {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        default: JSONWriter.serialize(self)
        }
    }
}

public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue
    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
