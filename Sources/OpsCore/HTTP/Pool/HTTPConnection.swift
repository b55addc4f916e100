import NIOCore

/// An open connection the client made, with what it learnt in its handshake, so that later requests
/// to the same endpoint can use it.
///
/// `idleTimer` is touched only on the channel's event loop (where the pool parks and takes
/// connections), which makes the class safe to share.
final class HTTPConnection: @unchecked Sendable {
    let key: HTTPConnectionKey
    let channel: any Channel
    let handler: HTTPConnectionHandler
    /// When the connection was chosen: its age decides when a new handshake is due.
    let opened: NIODeadline

    /// While the connection waits in the pool: the task that closes it once idle too long.
    var idleTimer: Scheduled<Void>?

    init(key: HTTPConnectionKey, channel: any Channel, handler: HTTPConnectionHandler, opened: NIODeadline = .now()) {
        self.key = key
        self.channel = channel
        self.handler = handler
        self.opened = opened
    }

    var loop: any EventLoop { channel.eventLoop }

    func isOlder(than age: Duration, at now: NIODeadline = .now()) -> Bool {
        now - opened >= HTTPExchange.timeAmount(age)
    }

    func close() {
        channel.close(promise: nil)
    }
}
