import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// One request on one connection, from the first connect attempt to the answer or the first failure.
///
/// Owns the deadline: whatever the server does (accept and say nothing, trickle bytes, never finish
/// the handshake), the exchange ends `timeout` after it started, with the phase it was in. Every
/// mutable property is touched only on `loop` (the connection's event loop), which makes the class
/// safe to share (`@unchecked Sendable`); the methods callable from elsewhere hop onto the loop.
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
    }

    let settings: Settings
    let loop: any EventLoop
    private let promise: EventLoopPromise<HTTPResponse>
    private let started = NIODeadline.now()

    // On `loop` only.
    private var phase = HTTPExchangePhase.connecting
    private var channel: (any Channel)?
    private var finished = false
    private var deadline: Scheduled<Void>?
    /// Set once the handshake has shown the certificate.
    var tlsFacts: TLSFacts?

    init(settings: Settings, loop: any EventLoop) {
        self.settings = settings
        self.loop = loop
        promise = loop.makePromise(of: HTTPResponse.self)
    }

    /// Connects and runs the exchange; the future ends with the answer or the error.
    func start() -> EventLoopFuture<HTTPResponse> {
        loop.execute { self.begin() }
        return promise.futureResult
    }

    /// Ends the exchange with `CancellationError` (the caller's task was cancelled).
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
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(Self.timeAmount(timeout))
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
                guard !self.finished else {
                    channel.close(promise: nil)
                    return
                }
                self.channel = channel
                channel.pipeline.fireUserInboundEventTriggered(HTTPExchangeHandler.ConnectionChosen())
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
        try pipeline.addHandler(HTTPExchangeHandler(exchange: self, observer: observer))
    }

    func enter(_ phase: HTTPExchangePhase) {
        loop.assertInEventLoop()
        self.phase = phase
    }

    var currentPhase: HTTPExchangePhase { phase }

    func succeed(_ response: HTTPResponse) {
        loop.assertInEventLoop()
        guard !finished else { return }
        finish()
        promise.succeed(response)
    }

    func fail(_ error: any Error) {
        loop.assertInEventLoop()
        guard !finished else { return }
        finish()
        promise.fail(error)
    }

    private func finish() {
        finished = true
        deadline?.cancel()
        channel?.close(promise: nil)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .nanoseconds(seconds < 0 ? 0 : .max) }
        return .nanoseconds(max(0, scaled.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue))
    }
}
