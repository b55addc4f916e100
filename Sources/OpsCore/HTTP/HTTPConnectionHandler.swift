import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import NIOTLS

/// The end of a connection's pipeline, for as long as the connection lives: sends each request of
/// the exchange that uses the connection (the first once the connection is chosen and, for https,
/// once the certificate has been judged acceptable), collects the answer up to the body limit, and
/// reports everything to that exchange. Between requests the connection belongs to no exchange: it
/// waits in the pool, and anything the server sends then (bytes, an error) only closes it.
final class HTTPConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    /// The user event by which the exchange tells the connection it picked that it is the one.
    struct ConnectionChosen {}

    private let observer: CertificateChainObserver?
    private var context: ChannelHandlerContext?
    /// The exchange using the connection; nil while it waits in the pool.
    private var exchange: HTTPExchange?
    private var chosen = false
    private var handshakeDone = false
    /// The certificate as judged in this connection's handshake: every answer on it carries these.
    private(set) var tlsFacts: TLSFacts?
    /// A failure seen before the connection was chosen: reported if it is chosen after all.
    private var earlyFailure: (any Error)?

    // The request in progress.
    private var requestSent = false
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    private var truncated = false

    init(exchange: HTTPExchange, observer: CertificateChainObserver?) {
        self.exchange = exchange
        self.observer = observer
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Hands the connection, open and between requests, to `exchange`, whose request goes out at once.
    func adopt(_ exchange: HTTPExchange) {
        self.exchange = exchange
        requestSent = false
        head = nil
        body = []
        truncated = false
        exchange.enter(.waitingForAnswer)
        guard let context, context.channel.isActive else {
            exchange.fail(HTTPClientError.connectionClosed(phase: .waitingForAnswer))
            return
        }
        send(context: context, for: exchange)
    }

    /// The exchange is done with the connection: it waits in the pool, or is being closed.
    func release() {
        exchange = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ConnectionChosen {
            chosen = true
            guard let exchange else { return }
            exchange.enter(observer == nil ? .waitingForAnswer : .tlsHandshake)
            if let earlyFailure {
                exchange.fail(earlyFailure)
            } else {
                sendFirstWhenReady(context: context)
            }
            return
        }
        if let tlsEvent = event as? TLSUserEvent, case .handshakeCompleted = tlsEvent {
            handshakeDone = true
            sendFirstWhenReady(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Sends the first request on the chosen connection, after the handshake for https. The two
    /// events can come in either order.
    private func sendFirstWhenReady(context: ChannelHandlerContext) {
        guard chosen, !requestSent, let exchange else { return }
        if let observer {
            guard handshakeDone else { return }
            guard let leaf = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self).peerCertificate else {
                exchange.fail(HTTPClientError.tlsHandshakeFailed("the server sent no certificate"))
                return
            }
            let facts = observer.facts(leaf: leaf, host: exchange.settings.url.host, now: Date())
            tlsFacts = facts
            guard facts.verification.isTrusted || exchange.settings.insecure else {
                // Nothing is sent to a server that could be an impostor: probe headers may carry tokens.
                exchange.fail(HTTPClientError.certificateRejected(facts, host: exchange.settings.url.host))
                return
            }
        }
        send(context: context, for: exchange)
    }

    private func send(context: ChannelHandlerContext, for exchange: HTTPExchange) {
        requestSent = true
        exchange.enter(.waitingForAnswer)
        let settings = exchange.settings
        let head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: settings.request.method),
                                   uri: settings.url.target, headers: HTTPHeaders(settings.headers))
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let bytes = settings.request.body, !bytes.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let exchange else {
            // Nothing was asked: a server that talks now is confused, and the connection is not safe to use.
            context.close(promise: nil)
            return
        }
        guard requestSent else { return }
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            head = responseHead
            exchange.enter(.readingBody)
        case .body(let buffer):
            guard !truncated else { return }
            let room = exchange.settings.maxBodyBytes - body.count
            let readable = buffer.readableBytesView
            body.append(contentsOf: readable.prefix(room))
            if readable.count > room {
                // Enough to judge the answer; reading the rest would only cost time and memory.
                truncated = true
                complete(exchange)
            }
        case .end:
            complete(exchange)
        }
    }

    private func complete(_ exchange: HTTPExchange) {
        guard let head else {
            exchange.fail(HTTPClientError.malformedResponse("the answer ended before its status line"))
            return
        }
        let response = HTTPResponse(
            status: Int(head.status.code), reason: head.status.reasonPhrase,
            headers: head.headers.map { HTTPHeader($0.name, $0.value) }, body: body, bodyTruncated: truncated,
            latency: exchange.elapsed, tls: tlsFacts)
        body = []
        // A body left unread would be read as the next answer; a server that said `close` will.
        exchange.succeed(response, connectionReusable: !truncated && head.isKeepAlive)
    }

    func channelInactive(context: ChannelHandlerContext) {
        report(HTTPClientError.connectionClosed(phase: phase))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        report(HTTPErrorMapping.exchangeFailure(error, phase: phase))
        context.close(promise: nil)
    }

    /// Where this connection is: the exchange's phase once chosen; before, it can only be in its handshake.
    private var phase: HTTPExchangePhase {
        if chosen, let exchange { return exchange.currentPhase }
        return observer == nil || handshakeDone ? .waitingForAnswer : .tlsHandshake
    }

    private func report(_ failure: any Error) {
        guard let exchange else { return }  // idle: the pool forgets it when it closes
        if chosen {
            exchange.fail(failure)
        } else if earlyFailure == nil {
            earlyFailure = failure
        }
    }
}
