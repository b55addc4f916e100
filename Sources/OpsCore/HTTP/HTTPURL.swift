/// The parts of an absolute `http://` or `https://` URL that a request needs. Parsed here rather than
/// with Foundation's `URL`, whose handling of bracketed IPv6 hosts and empty paths differs between
/// platforms; user info (`user:password@`) is refused, as credentials belong in headers, not in a
/// URL that gets printed.
public struct HTTPURL: Sendable, Equatable {
    public enum Scheme: String, Sendable {
        case http
        case https

        var defaultPort: Int { self == .http ? 80 : 443 }
    }

    public var scheme: Scheme
    /// Without brackets: `example.com`, `127.0.0.1`, `::1`.
    public var host: String
    public var port: Int
    /// Path and query as sent on the request line, `/` at least; the fragment is dropped.
    public var target: String

    public init(scheme: Scheme, host: String, port: Int? = nil, target: String = "/") {
        self.scheme = scheme
        self.host = host
        self.port = port ?? scheme.defaultPort
        self.target = target
    }

    /// Parses `text`; nil unless it is an absolute http or https URL with a host and a valid port.
    public init?(_ text: String) {
        guard let schemeEnd = text.range(of: "://") else { return nil }
        guard let scheme = Scheme(rawValue: text[..<schemeEnd.lowerBound].lowercased()) else { return nil }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard !authority.contains("@"), let (host, port) = Self.hostAndPort(authority) else { return nil }
        var target = String(rest[authorityEnd...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        guard !target.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return nil }
        self.init(scheme: scheme, host: host, port: port, target: target)
    }

    private static func hostAndPort(_ authority: Substring) -> (String, Int?)? {
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty, !host.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") }) else {
            return nil
        }
        guard let portText else { return (String(host), nil) }
        guard !portText.isEmpty, portText.utf8.count <= 5, portText.utf8.allSatisfy(ASCII.isDigit),
              let port = Int(portText), (1...65535).contains(port) else { return nil }
        return (String(host), port)
    }

    /// Whether the host is an IPv4 or IPv6 address rather than a name (no SNI, and the
    /// certificate must name the address).
    public var hostIsAddress: Bool { IPAddressText.bytes(of: host) != nil }

    /// The `Host` header: the port only when it is not the scheme's default, IPv6 in brackets.
    public var hostHeader: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return port == scheme.defaultPort ? shownHost : "\(shownHost):\(port)"
    }

    /// `host:port`, as error messages name the place.
    public var authority: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(shownHost):\(port)"
    }
}
