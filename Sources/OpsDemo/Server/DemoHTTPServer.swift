import NIOCore
import OpsCore
import NIOHTTP1
import NIOPosix

/// The demo service's HTTP/1.1 listener on 127.0.0.1, over swift-nio on one event loop thread,
/// which also runs the synthetic traffic.
public final class DemoHTTPServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let service: DemoService
    private let traffic = LockedValue<RepeatedTask?>(nil)
    /// The port it listens on (the one chosen when 0 was asked for).
    public let port: Int

    /// Binds 127.0.0.1:`port` (0: a free port). Throws when the port cannot be bound (in use, not
    /// allowed).
    public init(service: DemoService, port: Int) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(DemoHTTPHandler(service: service))
                }
            }
        do {
            channel = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw error
        }
        self.group = group
        self.service = service
        self.port = channel.localAddress?.port ?? port
    }

    /// Starts the synthetic traffic: after the startup line, so that it is the first line.
    public func startTraffic() {
        let interval = TimeAmount.nanoseconds(Int64(min(max(service.trafficInterval, 0.001), 1) * 1e9))
        let service = service
        let task = group.next().scheduleRepeatedTask(initialDelay: interval, delay: interval) { _ in
            service.generateTraffic()
        }
        traffic.withLock { $0 = task }
    }

    /// Stops the traffic and returns once a tick that was running has ended: after this the service
    /// logs no more synthetic requests, so the shutdown line can be the last.
    public func stopTraffic() {
        guard let task = traffic.withLock({ current -> RepeatedTask? in defer { current = nil }; return current }) else { return }
        let stopped = group.next().makePromise(of: Void.self)
        task.cancel(promise: stopped)
        try? stopped.futureResult.wait()
    }

    /// Stops the traffic, closes the listener and every connection, and ends the event loop.
    public func stop() {
        stopTraffic()
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }
}
