import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small HTTP/1.1 client for health probes: a deadline on the whole exchange, certificate facts on
/// every https answer, and connections kept open between requests to the same endpoint (see
/// `ConnectionReuse`), so that a probe every few seconds does not pay a TCP connection and a TLS
/// handshake each time. Copies of a client share its connections; they are closed when the last copy
/// goes away.
///
/// Certificates are verified by BoringSSL against `trustRoots`; the verdict is reported in
/// `TLSFacts.verification` with each problem told apart (expired, self-signed, wrong host,
/// untrusted). A request that is not `insecure` is not sent to a server whose certificate is not
/// trusted (`HTTPClientError.certificateRejected`, carrying the facts); an `insecure` one is, and its
/// answer still carries the facts and what verification said.
public struct HTTPClient: Sendable {
    public enum TrustRoots: Sendable, Equatable {
        /// The system's certificate authorities (Debian: /etc/ssl/certs/ca-certificates.crt).
        case system
        /// The authorities in a PEM file (or a folder of them), instead of the system's.
        case file(String)
    }

    public static let defaultMaxBodyBytes = 1 << 20

    /// The event loop of every client in the process: one thread is plenty for probes, which spend
    /// their time waiting.
    public static let sharedEventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    public let maxBodyBytes: Int
    public let userAgent: String
    public let connectionReuse: ConnectionReuse
    private let group: any EventLoopGroup
    private let tlsContext: NIOSSLContext
    private let connections: HTTPConnectionPool.Owner?

    /// Throws `HTTPClientError.unusableTrustRoots` when `trustRoots` names a file that cannot be used.
    public init(trustRoots: TrustRoots = .system, maxBodyBytes: Int = defaultMaxBodyBytes,
                userAgent: String = "opsdeck-probe", eventLoopGroup: any EventLoopGroup = sharedEventLoopGroup,
                connectionReuse: ConnectionReuse = .standard) throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        // The host is checked by `CertificateJudge`, so that a mismatch is reported as such.
        configuration.certificateVerification = .noHostnameVerification
        switch trustRoots {
        case .system:
            configuration.trustRoots = .default
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw HTTPClientError.unusableTrustRoots(path: path, reason: "no such file")
            }
            configuration.trustRoots = .file(path)
        }
        do {
            tlsContext = try NIOSSLContext(configuration: configuration)
        } catch {
            let path = if case .file(let path) = trustRoots { path } else { "the system's store" }
            throw HTTPClientError.unusableTrustRoots(path: path, reason: "\(error)")
        }
        self.maxBodyBytes = max(0, maxBodyBytes)
        self.userAgent = userAgent
        group = eventLoopGroup
        self.connectionReuse = connectionReuse
        connections = connectionReuse.enabled ? HTTPConnectionPool.Owner(HTTPConnectionPool(reuse: connectionReuse)) : nil
    }

    /// Sends `request` and returns the answer, whatever its status. Throws `HTTPClientError` when
    /// there is no answer (refused, timed out, TLS failure, rejected certificate, malformed answer),
    /// or `CancellationError` when the task is cancelled. The whole exchange (resolving, connecting,
    /// handshake, answer) ends within `timeout`.
    public func send(_ request: HTTPRequest, timeout: Duration, insecure: Bool = false) async throws -> HTTPResponse {
        let exchange = try makeExchange(request, timeout: timeout, insecure: insecure)
        return try await withTaskCancellationHandler {
            try await exchange.start().get()
        } onCancel: {
            exchange.cancel()
        }
    }

    /// The exchange `send` runs; tests start it themselves to time its end on the event loop.
    func makeExchange(_ request: HTTPRequest, timeout: Duration, insecure: Bool) throws -> HTTPExchange {
        guard let url = HTTPURL(request.url) else { throw HTTPClientError.invalidURL(request.url) }
        try Self.validate(request)
        let settings = HTTPExchange.Settings(request: request, url: url, timeout: timeout, insecure: insecure,
                                             tls: url.scheme == .https ? tlsContext : nil,
                                             maxBodyBytes: maxBodyBytes, userAgent: userAgent, pool: pool)
        // On the loop of an idle connection to the endpoint, if there is one, so that it can be taken.
        let loop = pool?.preferredLoop(for: settings.key) ?? group.next()
        return HTTPExchange(settings: settings, loop: loop)
    }

    var pool: HTTPConnectionPool? { connections?.pool }

    /// Methods and header names are HTTP tokens; header values have no line breaks or NULs.
    static func validate(_ request: HTTPRequest) throws {
        func isToken(_ text: String) -> Bool {
            !text.isEmpty && text.utf8.allSatisfy { ASCII.isAlphanumeric($0) || "!#$%&'*+-.^_`|~".utf8.contains($0) }
        }
        guard isToken(request.method) else {
            throw HTTPClientError.invalidRequest("\(request.method.debugDescription) is not an HTTP method")
        }
        for header in request.headers {
            guard isToken(header.name) else {
                throw HTTPClientError.invalidRequest("\(header.name.debugDescription) is not a header name")
            }
            guard !header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw HTTPClientError.invalidRequest("the value of header \(header.name) has a line break")
            }
        }
    }
}
