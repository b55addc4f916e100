/// One header line of a request or an answer, as sent or received.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HTTPHeader {
    /// The first value of the header `name`, ignoring case (HTTP header names are case-insensitive).
    public func value(of name: String) -> String? {
        first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// Whether a header `name` is present, ignoring case.
    public func contains(_ name: String) -> Bool { value(of: name) != nil }
}

extension String {
    /// ASCII case-insensitive equality, which is what header names need (no locale, no Unicode folding).
    func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { ASCII.lowercased($0) == ASCII.lowercased($1) }
    }
}

/// A request to send: `url` is absolute (`http://` or `https://`). The client adds `Host`,
/// `User-Agent`, `Accept` and `Content-Length` unless `headers` has them (and `Connection: close`
/// when it does not keep connections open).
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]?

    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
