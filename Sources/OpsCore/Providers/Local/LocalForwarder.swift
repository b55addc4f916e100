import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The front port of a local service: accepts on 127.0.0.1:`port` and copies bytes both ways
/// between each client and the instance `backend()` names at the moment the client connects, so a
/// switch takes effect at the next connection while open ones finish on the old instance. One
/// thread accepts (waking every `pollMilliseconds` to notice `stop()`), one thread a connection.
public final class LocalForwarder: @unchecked Sendable {
    public let port: Int
    private let listener: Int32
    private let backend: @Sendable () -> Int?
    private let pollMilliseconds: Int32 = 100
    private let lock = NSLock()
    private var stopped = false
    private var open: Set<Int32> = []
    private var threads = 0
    private let idle = NSCondition()

    /// Binds the port now, so that a port in use is an error here and not in a thread.
    public init(port: Int, backend: @escaping @Sendable () -> Int?) throws(LocalProviderError) {
        switch LoopbackSocket.listen(port: port) {
        case .success(let fd): listener = fd
        case .failure(let error):
            throw .cannotListen(port: port, reason: StateFiles.describe(error.code))
        }
        self.port = LoopbackSocket.boundPort(of: listener) ?? port
        self.backend = backend
    }

    public func start() {
        begin()
        Thread.detachNewThread { [self] in
            acceptLoop()
            end()
        }
    }

    /// Stops accepting, closes every open connection, and returns once every thread has ended.
    public func stop() {
        // Under the lock: a relay thread closes its descriptors under it too, so a number closed
        // and reused elsewhere in the meantime is never shut down here.
        lock.withLock {
            stopped = true
            for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        }
        idle.lock()
        while threads > 0 { idle.wait() }
        idle.unlock()
        close(listener)
    }

    private func begin() {
        idle.lock()
        threads += 1
        idle.unlock()
    }

    private func end() {
        idle.lock()
        threads -= 1
        idle.broadcast()
        idle.unlock()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        var watched = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        while !isStopped {
            let ready = poll(&watched, 1, pollMilliseconds)
            guard ready > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            // `accept4` is GNU-only in Swift's view; the spawner also closes every inherited descriptor.
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            guard let target = backend(), let upstream = LoopbackSocket.connect(port: target) else {
                // Nothing live (or it stopped answering): the client sees the connection closed.
                close(client)
                continue
            }
            let admitted = lock.withLock { () -> Bool in
                guard !stopped else { return false }
                open.insert(client)
                open.insert(upstream)
                return true
            }
            guard admitted else {
                close(client)
                close(upstream)
                continue
            }
            begin()
            Thread.detachNewThread { [self] in
                LocalForwarder.relay(client, upstream)
                lock.withLock {
                    open.remove(client)
                    open.remove(upstream)
                    close(client)
                    close(upstream)
                }
                end()
            }
        }
    }

    /// Copies both ways until both directions have ended: an end of input on one side is passed on
    /// as a half close, so a client that sends its request and shuts down its writing still gets
    /// the whole answer.
    static func relay(_ first: Int32, _ second: Int32) {
        var fds = [pollfd(fd: first, events: Int16(POLLIN), revents: 0), pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        var openDirections = 2
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16384, alignment: 1)
        defer { buffer.deallocate() }
        while openDirections > 0 {
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            for index in 0..<2 where fds[index].fd >= 0 && fds[index].revents != 0 {
                let from = fds[index].fd
                let to = index == 0 ? second : first
                let count = recv(from, buffer.baseAddress, buffer.count, 0)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    shutdown(to, Int32(SHUT_WR))
                    fds[index].fd = -1
                    openDirections -= 1
                    if count < 0 { return }
                    continue
                }
                if !LoopbackSocket.writeAll(to, UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { return }
            }
        }
    }
}
