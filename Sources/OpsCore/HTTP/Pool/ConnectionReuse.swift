extension HTTPClient {
    /// How long the client keeps connections open between requests (HTTP/1.1 keep-alive), so that a
    /// probe every few seconds costs a request and not a TCP connection and a TLS handshake each time.
    public struct ConnectionReuse: Sendable, Equatable {
        /// An idle connection is closed after this long unused: longer than the usual probe interval
        /// (30 s, plus jitter), shorter than the minutes after which NAT and firewall tables forget a
        /// quiet connection without telling either end (a connection dropped that way would make the
        /// next request wait for its timeout).
        public var idleTimeout: Duration
        /// A connection is not used again once this old, so that its certificate is read and judged
        /// again in a new handshake: the facts of a renewed or expired certificate show within this.
        public var maxAge: Duration
        /// Idle connections kept per endpoint (scheme, host, port, trust); more are closed at once.
        /// 0 turns reuse off: one connection per request.
        public var maxIdlePerEndpoint: Int

        public init(idleTimeout: Duration = .seconds(90), maxAge: Duration = .seconds(300), maxIdlePerEndpoint: Int = 8) {
            self.idleTimeout = max(.zero, idleTimeout)
            self.maxAge = max(.zero, maxAge)
            self.maxIdlePerEndpoint = max(0, maxIdlePerEndpoint)
        }

        public static let standard = ConnectionReuse()
        /// One connection per request, closed after its answer.
        public static let never = ConnectionReuse(maxIdlePerEndpoint: 0)

        var enabled: Bool { maxIdlePerEndpoint > 0 && idleTimeout > .zero && maxAge > .zero }
    }
}
