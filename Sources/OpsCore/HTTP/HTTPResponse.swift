/// A complete answer (or its first `HTTPClient.maxBodyBytes` bytes, see `bodyTruncated`).
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// The reason phrase as the server sent it (`OK`, `Service Unavailable`).
    public var reason: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// The body was longer than the client keeps: `body` is its beginning, and the connection was
    /// closed without reading the rest.
    public var bodyTruncated: Bool
    /// From the start of the request (connecting, when no open connection could be used) to the end
    /// of the answer (or of the part kept).
    public var latency: Duration
    /// The server's certificate, for https: as read in the handshake of the connection that carried
    /// the answer (connections are not used again past `HTTPClient.ConnectionReuse.maxAge`).
    public var tls: TLSFacts?

    public init(status: Int, reason: String = "", headers: [HTTPHeader] = [], body: [UInt8] = [],
                bodyTruncated: Bool = false, latency: Duration = .zero, tls: TLSFacts? = nil) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.latency = latency
        self.tls = tls
    }

    /// The body as text (invalid UTF-8 replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
