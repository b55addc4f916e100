import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One request, from taking an idle connection or the first connect attempt to the answer or the
/// first failure.
///
/// Owns the deadline: whatever the server does (accept and say nothing, trickle bytes, never finish
/// the handshake), the exchange ends `timeout` after it started, with the phase it was in. Every
/// mutable property is touched only on `loop` (the connection's event loop), which makes the class
/// safe to share (`@unchecked Sendable`); the methods callable from elsewhere hop onto the loop.
///
/// An idempotent request first tries an idle connection of the pool. If that connection turns out
/// closed before any of the answer came (the server closed it while idle, and the news crossed the
/// request on the wire), the exchange goes on over a new connection, once, within the same deadline:
/// the endpoint is judged by that attempt, never by a connection that went stale.
final class HTTPExchange: @unchecked Sendable {
    struct Settings {
        var request: HTTPRequest
        var url: HTTPURL
        var timeout: Duration
        var insecure: Bool
        /// nil for plain http.
        var tls: NIOSSLContext?
        var maxBodyBytes: Int
        var userAgent: String
        /// Where connections are kept between requests; nil to use one connection per request.
        var pool: HTTPConnectionPool?

        var key: HTTPConnectionKey { HTTPConnectionKey(url, insecure: insecure) }

        /// Requests that may go over a connection that could have gone stale: sending one again
        /// after a connection died under it is safe (RFC 9110 9.2.2).
        var isIdempotent: Bool {
            ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"].contains(request.method)
        }

        /// The caller's headers, with the ones every request needs added where the caller gave none.
        var headers: [(String, String)] {
            var headers = request.headers
            func add(_ name: String, _ value: String) {
                if !headers.contains(name) { headers.append(HTTPHeader(name, value)) }
            }
            add("Host", url.hostHeader)
            add("User-Agent", userAgent)
            add("Accept", "*/*")
            if pool == nil {
                // Nothing to keep alive: the server frees its side at once.
                headers.removeAll { $0.name.caseInsensitiveEquals("Connection") }
                headers.append(HTTPHeader("Connection", "close"))
            }
            if let bytes = request.body {
                headers.removeAll { $0.name.caseInsensitiveEquals("Content-Length") }
                headers.append(HTTPHeader("Content-Length", String(bytes.count)))
            }
            return headers.map { ($0.name, $0.value) }
        }
    }

    let settings: Settings
    let loop: any EventLoop
    private let promise: EventLoopPromise<HTTPResponse>
    private let started = NIODeadline.now()

    // On `loop` only.
    private var phase = HTTPExchangePhase.connecting
    /// The connection the request runs on, once chosen (or taken from the pool).
    private var connection: HTTPConnection?
    /// Whether `connection` came from the pool, and so may have gone stale.
    private var reused = false
    private var finished = false
    private var deadline: Scheduled<Void>?

    init(settings: Settings, loop: any EventLoop) {
        self.settings = settings
        self.loop = loop
        promise = loop.makePromise(of: HTTPResponse.self)
    }

    /// Connects (or takes an idle connection) and runs the exchange; the future ends with the answer
    /// or the error.
    func start() -> EventLoopFuture<HTTPResponse> {
        loop.execute { self.begin() }
        return promise.futureResult
    }

    /// Ends the exchange with `CancellationError` (the caller's task was cancelled); its connection
    /// is closed.
    func cancel() {
        loop.execute { self.fail(CancellationError()) }
    }

    var elapsed: Duration { .nanoseconds((NIODeadline.now() - started).nanoseconds) }

    private func begin() {
        guard !finished else { return }  // cancelled before it began
        let timeout = settings.timeout
        deadline = loop.scheduleTask(deadline: started + Self.timeAmount(timeout)) {
            self.fail(HTTPClientError.timedOut(after: timeout, phase: self.phase))
        }
        if settings.isIdempotent, let pool = settings.pool, let idle = pool.take(settings.key, on: loop) {
            connection = idle
            reused = true
            idle.handler.adopt(self)
        } else {
            connect()
        }
    }

    private func connect() {
        let timeout = settings.timeout
        let remaining = started + Self.timeAmount(timeout) - NIODeadline.now()
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(max(remaining, .nanoseconds(0)))
            .resolver(ConcurrentResolver(loop: loop))
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                do {
                    try self.configure(channel)
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
        bootstrap.connect(host: settings.url.host, port: settings.url.port).whenComplete { result in
            switch result {
            case .success(let channel):
                // The deadline may have passed while connecting: then nobody wants this connection.
                guard !self.finished,
                      let handler = try? channel.pipeline.syncOperations.handler(type: HTTPConnectionHandler.self)
                else {
                    channel.close(promise: nil)
                    return
                }
                let connection = HTTPConnection(key: self.settings.key, channel: channel, handler: handler)
                if let pool = self.settings.pool {
                    channel.closeFuture.whenComplete { [weak connection] _ in
                        if let connection { pool.forget(connection) }
                    }
                }
                self.connection = connection
                channel.pipeline.fireUserInboundEventTriggered(HTTPConnectionHandler.ConnectionChosen())
            case .failure(let error):
                let url = self.settings.url
                self.fail(HTTPErrorMapping.connectFailure(error, host: url.host, authority: url.authority, timeout: timeout))
            }
        }
    }

    /// Runs on `loop` for each connection attempt's channel, before it connects. Happy eyeballs may
    /// try several addresses at once; only the one the bootstrap picks is told to go on
    /// (`ConnectionChosen`), the others are closed by NIO without a request ever sent on them.
    private func configure(_ channel: any Channel) throws {
        let pipeline = channel.pipeline.syncOperations
        var observer: CertificateChainObserver?
        if let context = settings.tls {
            let chainObserver = CertificateChainObserver()
            // Addresses never go in SNI (RFC 6066); the certificate is still checked against them.
            let serverName = settings.url.hostIsAddress ? nil : settings.url.host
            do {
                try pipeline.addHandler(try TLSClientHandlerFactory.make(context: context, serverHostname: serverName,
                                                                         observer: chainObserver))
            } catch {
                throw HTTPClientError.tlsHandshakeFailed("cannot use \(settings.url.host) as a TLS server name")
            }
            observer = chainObserver
        }
        try pipeline.addHTTPClientHandlers()
        try pipeline.addHandler(HTTPConnectionHandler(exchange: self, observer: observer))
    }

    func enter(_ phase: HTTPExchangePhase) {
        loop.assertInEventLoop()
        self.phase = phase
    }

    var currentPhase: HTTPExchangePhase { phase }

    /// The answer came; `connectionReusable` when the connection is ready for another request.
    func succeed(_ response: HTTPResponse, connectionReusable: Bool) {
        loop.assertInEventLoop()
        guard !finished else { return }
        finish(keepingConnection: connectionReusable)
        promise.succeed(response)
    }

    func fail(_ error: any Error) {
        loop.assertInEventLoop()
        guard !finished else { return }
        if reused, let stale = connection, Self.isStaleConnection(error, phase: phase) {
            stale.handler.release()
            stale.close()
            connection = nil
            reused = false
            phase = .connecting
            connect()
            return
        }
        finish(keepingConnection: false)
        promise.fail(error)
    }

    /// A reused connection failed before any of the answer came, and not by this exchange's own
    /// deadline or cancellation: the server had closed it (or reset it) while it was idle.
    static func isStaleConnection(_ error: any Error, phase: HTTPExchangePhase) -> Bool {
        guard phase == .waitingForAnswer, let error = error as? HTTPClientError else { return false }
        if case .timedOut = error { return false }
        return true
    }

    private func finish(keepingConnection: Bool) {
        finished = true
        deadline?.cancel()
        guard let connection else { return }
        self.connection = nil
        connection.handler.release()
        if keepingConnection, let pool = settings.pool {
            pool.park(connection)
        } else {
            connection.close()
        }
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .nanoseconds(seconds < 0 ? 0 : .max) }
        return .nanoseconds(max(0, scaled.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue))
    }
}
