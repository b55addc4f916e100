import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import NIOTLS

/// The end of a connection's pipeline: sends the request once the connection is chosen (and, for
/// https, once the certificate has been judged acceptable), collects the answer up to the body
/// limit, and reports everything to its `HTTPExchange`.
final class HTTPExchangeHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    /// The user event by which the exchange tells the connection it picked that it is the one.
    struct ConnectionChosen {}

    private let exchange: HTTPExchange
    private let observer: CertificateChainObserver?
    private var chosen = false
    private var handshakeDone = false
    private var requestSent = false
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    private var truncated = false
    /// A failure seen before the connection was chosen: reported if it is chosen after all.
    private var earlyFailure: (any Error)?

    init(exchange: HTTPExchange, observer: CertificateChainObserver?) {
        self.exchange = exchange
        self.observer = observer
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ConnectionChosen {
            chosen = true
            exchange.enter(observer == nil ? .waitingForAnswer : .tlsHandshake)
            if let earlyFailure {
                exchange.fail(earlyFailure)
            } else {
                sendWhenReady(context: context)
            }
            return
        }
        if let tlsEvent = event as? TLSUserEvent, case .handshakeCompleted = tlsEvent {
            handshakeDone = true
            sendWhenReady(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Sends the request on the chosen connection, after the handshake for https. The two events
    /// can come in either order.
    private func sendWhenReady(context: ChannelHandlerContext) {
        guard chosen, !requestSent else { return }
        if let observer {
            guard handshakeDone else { return }
            guard let leaf = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self).peerCertificate else {
                exchange.fail(HTTPClientError.tlsHandshakeFailed("the server sent no certificate"))
                return
            }
            let facts = observer.facts(leaf: leaf, host: exchange.settings.url.host, now: Date())
            exchange.tlsFacts = facts
            guard facts.verification.isTrusted || exchange.settings.insecure else {
                // Nothing is sent to a server that could be an impostor: probe headers may carry tokens.
                exchange.fail(HTTPClientError.certificateRejected(facts, host: exchange.settings.url.host))
                return
            }
        }
        requestSent = true
        exchange.enter(.waitingForAnswer)
        let settings = exchange.settings
        let head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: settings.request.method),
                                   uri: settings.url.target, headers: HTTPHeaders(requestHeaders(settings)))
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let bytes = settings.request.body, !bytes.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// The caller's headers, with the ones every request needs added where the caller gave none.
    private func requestHeaders(_ settings: HTTPExchange.Settings) -> [(String, String)] {
        var headers = settings.request.headers
        func add(_ name: String, _ value: String) {
            if !headers.contains(name) { headers.append(HTTPHeader(name, value)) }
        }
        add("Host", settings.url.hostHeader)
        add("User-Agent", settings.userAgent)
        add("Accept", "*/*")
        // One connection per request: nothing to keep alive, and the server frees its side at once.
        headers.removeAll { $0.name.caseInsensitiveEquals("Connection") }
        headers.append(HTTPHeader("Connection", "close"))
        if let bytes = settings.request.body {
            headers.removeAll { $0.name.caseInsensitiveEquals("Content-Length") }
            headers.append(HTTPHeader("Content-Length", String(bytes.count)))
        }
        return headers.map { ($0.name, $0.value) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
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
                complete()
            }
        case .end:
            complete()
        }
    }

    private func complete() {
        guard let head else {
            exchange.fail(HTTPClientError.malformedResponse("the answer ended before its status line"))
            return
        }
        exchange.succeed(HTTPResponse(
            status: Int(head.status.code), reason: head.status.reasonPhrase,
            headers: head.headers.map { HTTPHeader($0.name, $0.value) }, body: body, bodyTruncated: truncated,
            latency: exchange.elapsed, tls: exchange.tlsFacts))
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
        chosen ? exchange.currentPhase : (observer == nil ? .waitingForAnswer : .tlsHandshake)
    }

    private func report(_ failure: any Error) {
        if chosen {
            exchange.fail(failure)
        } else if earlyFailure == nil {
            earlyFailure = failure
        }
    }
}
