import NIOCore
import Synchronization

/// The idle connections of one client, per endpoint (`HTTPConnectionKey`), ready for the next request.
///
/// Only connections between requests are here: a connection in use belongs to its exchange, which
/// parks it again after a complete answer the server did not end with `Connection: close`, and closes
/// it after anything else (a timeout, a cancellation, an error, a body left unread). So a hung
/// endpoint never holds a place here, and there is no limit on connections in use for a request to
/// wait for. Idle connections leave when the server closes them, after `idleTimeout`, or when taken
/// older than `maxAge`; the most recently parked is taken first, so that spare ones idle out.
final class HTTPConnectionPool: Sendable {
    private struct State {
        var idle: [HTTPConnectionKey: [HTTPConnection]] = [:]
        var closed = false
    }

    let reuse: HTTPClient.ConnectionReuse
    private let state = Mutex(State())

    init(reuse: HTTPClient.ConnectionReuse) {
        self.reuse = reuse
    }

    /// The event loop of an idle connection for `key`, if any: a request run there can take it.
    func preferredLoop(for key: HTTPConnectionKey) -> (any EventLoop)? {
        state.withLock { $0.idle[key]?.last?.loop }
    }

    /// An open idle connection for `key` on `loop` (the caller's), now the caller's; nil when none.
    func take(_ key: HTTPConnectionKey, on loop: any EventLoop) -> HTTPConnection? {
        loop.assertInEventLoop()
        let now = NIODeadline.now()
        while true {
            let candidate = state.withLock { state -> HTTPConnection? in
                guard var list = state.idle[key],
                      let index = list.lastIndex(where: { $0.loop === loop }) else { return nil }
                let connection = list.remove(at: index)
                state.idle[key] = list.isEmpty ? nil : list
                return connection
            }
            guard let connection = candidate else { return nil }
            connection.idleTimer?.cancel()
            connection.idleTimer = nil
            if connection.channel.isActive && !connection.isOlder(than: reuse.maxAge, at: now) {
                return connection
            }
            connection.close()
        }
    }

    /// Keeps `connection` (open, between requests) for a later request, or closes it when the pool
    /// is closed, the connection too old, or enough already wait for its endpoint.
    func park(_ connection: HTTPConnection) {
        connection.loop.assertInEventLoop()
        guard connection.channel.isActive, !connection.isOlder(than: reuse.maxAge) else {
            connection.close()
            return
        }
        let kept = state.withLock { state -> Bool in
            guard !state.closed, state.idle[connection.key, default: []].count < reuse.maxIdlePerEndpoint else {
                return false
            }
            state.idle[connection.key, default: []].append(connection)
            return true
        }
        guard kept else {
            connection.close()
            return
        }
        connection.idleTimer = connection.loop.scheduleTask(in: HTTPExchange.timeAmount(reuse.idleTimeout)) {
            [weak self, weak connection] in
            guard let connection else { return }
            self?.forget(connection)
            connection.close()
        }
    }

    /// Removes `connection` if it waits here (it was closed, by either side).
    func forget(_ connection: HTTPConnection) {
        state.withLock { state in
            guard var list = state.idle[connection.key], let index = list.firstIndex(where: { $0 === connection })
            else { return }
            list.remove(at: index)
            state.idle[connection.key] = list.isEmpty ? nil : list
        }
    }

    /// Closes every idle connection; connections parked later are closed at once.
    func close() {
        let idle = state.withLock { state -> [HTTPConnection] in
            state.closed = true
            defer { state.idle = [:] }
            return state.idle.values.flatMap { $0 }
        }
        for connection in idle {
            connection.loop.execute {
                connection.idleTimer?.cancel()
                connection.close()
            }
        }
    }

    /// How many connections wait, for tests.
    var idleCount: Int { state.withLock { $0.idle.values.reduce(0) { $0 + $1.count } } }
}

extension HTTPConnectionPool {
    /// Held by a client and its copies (a struct's copies share it): when the last one goes, the
    /// idle connections close instead of lingering until their idle timeout. Exchanges still running
    /// hold the pool itself, and close their connections at the end.
    final class Owner: Sendable {
        let pool: HTTPConnectionPool

        init(_ pool: HTTPConnectionPool) { self.pool = pool }

        deinit { pool.close() }
    }
}
