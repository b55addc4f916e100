/// A scanned JSON object: its bytes and the spans of its top-level members. Reading a member
/// through the view allocates only what is asked for.
public struct JSONObjectView {
    public let bytes: UnsafeBufferPointer<UInt8>
    public let members: [JSONScanner.Member]

    public init(bytes: UnsafeBufferPointer<UInt8>, members: [JSONScanner.Member]) {
        self.bytes = bytes
        self.members = members
    }

    /// Scans the object at `offset` of `bytes`; nil when it is not a valid object.
    public init?(scanning bytes: UnsafeBufferPointer<UInt8>, at offset: Int = 0) {
        var members: [JSONScanner.Member] = []
        guard case .success = JSONScanner(bytes).scanObject(at: offset, members: &members) else { return nil }
        self.init(bytes: bytes, members: members)
    }

    var materialiser: JSONMaterialiser { JSONMaterialiser(bytes) }

    @inline(__always)
    public func keyBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[members[i].keyStart..<members[i].keyEnd])
    }

    @inline(__always)
    public func valueBytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[members[i].valueStart..<members[i].valueEnd])
    }

    public func key(_ i: Int) -> String { materialiser.key(of: members[i]) }

    public func value(_ i: Int) -> JSONValue { materialiser.value(of: members[i]) }

    public func kind(_ i: Int) -> JSONScanner.ValueKind { members[i].kind }

    public func isString(_ i: Int) -> Bool { members[i].kind == .string || members[i].kind == .escapedString }

    /// The decoded text of a string member, nil for other kinds.
    public func string(_ i: Int) -> String? {
        guard isString(i) else { return nil }
        return JSONStringDecoder.decode(valueBytes(i), escaped: members[i].kind == .escapedString)
    }

    /// Calls `body` with the unescaped bytes of a string member (decoding only when it has escapes).
    public func withStringBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard isString(i) else { return nil }
        guard members[i].kind == .escapedString else { return body(valueBytes(i)) }
        var decoded: [UInt8] = []
        JSONStringDecoder.unescape(valueBytes(i), into: &decoded)
        return decoded.withUnsafeBufferPointer(body)
    }

    /// The index of the first member whose key is exactly `name`.
    public func index(of name: String) -> Int? {
        var name = name
        return name.withUTF8 { target in
            members.indices.first { keyBytes($0).elementsEqual(target) }
        }
    }

    /// The members of an object member, scanned on demand.
    public func nestedObject(_ i: Int) -> JSONObjectView? {
        guard members[i].kind == .object else { return nil }
        return JSONObjectView(scanning: bytes, at: members[i].valueStart)
    }
}
