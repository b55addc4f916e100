import NIOCore
import NIOPosix

/// A tcp probe's check: a connection to `host:port` is made within the timeout, then closed at once.
enum TCPConnectCheck {
    /// Returns how long connecting took; throws `HTTPClientError` (refused, timed out, cannot resolve).
    static func connect(host: String, port: Int, timeout: Duration,
                        group: any EventLoopGroup = HTTPClient.sharedEventLoopGroup) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let loop = group.next()
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let connecting = ClientBootstrap(group: loop)
            .connectTimeout(HTTPExchange.timeAmount(timeout))
            .resolver(ConcurrentResolver(loop: loop))
            .connect(host: host, port: port)
        do {
            let channel = try await withTaskCancellationHandler {
                try await connecting.get()
            } onCancel: {
                // The bootstrap has no cancel: its connection is closed as soon as it is made.
                connecting.whenSuccess { $0.close(promise: nil) }
            }
            let taken = clock.now - start
            try? await channel.close()
            try Task.checkCancellation()
            return taken
        } catch let error as CancellationError {
            throw error
        } catch {
            throw HTTPErrorMapping.connectFailure(error, host: host, authority: authority, timeout: timeout)
        }
    }
}
