import NIOCore
import NIOHTTP1

/// Answers each request of one connection from the `DemoService`: the request's body is ignored
/// (never buffered), the answer goes after the service's delay, and a connection that is not
/// keep-alive is closed once answered. Malformed requests never get here: the pipeline's
/// protocol error handler answers them 400 and closes.
final class DemoHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let service: DemoService
    private var head: HTTPRequestHead?

    init(service: DemoService) {
        self.service = service
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            head = request
        case .body:
            break
        case .end:
            guard let request = head else { return }
            head = nil
            let response = service.respond(method: request.method.rawValue, path: request.uri)
            let delay = response.delay.isFinite ? min(max(response.delay, 0), 30) : 0
            if delay > 0 {
                let loop = context.eventLoop.assumeIsolated()
                loop.scheduleTask(in: .nanoseconds(Int64(delay * 1e9))) { [self] in
                    write(response, to: request, context: context)
                }
            } else {
                write(response, to: request, context: context)
            }
        }
    }

    private func write(_ response: DemoResponse, to request: HTTPRequestHead, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        let body = request.method == .HEAD ? [] : Array(response.body.utf8)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.utf8.count))
        let keepAlive = request.isKeepAlive
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: request.version, status: HTTPResponseStatus(statusCode: response.status),
                                    headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let done = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: done)
        if !keepAlive {
            let channel = context.channel
            done.futureResult.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
