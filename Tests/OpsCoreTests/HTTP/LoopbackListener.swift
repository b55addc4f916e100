import Foundation
import Glibc

/// A TCP port on 127.0.0.1 that accepts connections on a thread of its own and hands each to
/// `serve` on another thread (or just holds it open when `serve` is nil), counting them: the
/// server side of the client tests, which sees how many connections the client really made.
///
/// The listener owns the accepted descriptors and closes each (when `serve` returns, or at `stop`),
/// under its lock: a descriptor closed elsewhere could be reused by another test's socket at once,
/// and `stop` would then shut that one down.
final class LoopbackListener: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var open: Set<Int32> = []
    private var accepted = 0
    private var stopped = false
    /// Without `serve`, no thread uses the accepted descriptors: `stop` closes them at once.
    private let closesAtStop: Bool

    struct Failed: Error, CustomStringConvertible { var description: String }

    init(serve: (@Sendable (Int32) -> Void)? = nil) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failed(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw Failed(description: "bind/listen: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        closesAtStop = serve == nil
        port = Int(UInt16(bigEndian: address.sin_port))
        // The accept thread alone closes the listening descriptor, when it ends: closed by `stop`
        // before this thread reached `accept`, its number could already belong to another test's
        // socket, whose connections this thread would then take.
        Thread.detachNewThread { [self] in
            defer { close(listener) }
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 { return }  // shut down by stop()
                let keep = lock.withLock { () -> Bool in
                    if stopped { return false }
                    open.insert(connection)
                    accepted += 1
                    return true
                }
                guard keep else {
                    close(connection)
                    return
                }
                if let serve {
                    Thread.detachNewThread {
                        serve(connection)
                        self.release(connection)
                    }
                }
            }
        }
    }

    var connectionCount: Int { lock.withLock { accepted } }

    /// Closes a connection whose `serve` has returned (unless `stop` closed it already).
    private func release(_ connection: Int32) {
        lock.withLock {
            if open.remove(connection) != nil { close(connection) }
        }
    }

    /// Polls until at least `count` clients have connected; throws after `timeout`.
    func waitForConnections(_ count: Int = 1, timeout: Duration = .seconds(120)) async throws {
        try await Poll.until(timeout: timeout, "\(count) connection(s)") { self.connectionCount >= count }
    }

    /// Closes the port and every connection it accepted (their `serve` threads see the end).
    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            // With `serve`, shut down rather than closed: its thread still reads or writes the
            // descriptor, sees the end, returns, and `release` closes it.
            for connection in open {
                if closesAtStop { close(connection) } else { shutdown(connection, Int32(SHUT_RDWR)) }
            }
            if closesAtStop { open = [] }
            // The listener's own thread ends once `accept` fails, and closes it.
            shutdown(listener, Int32(SHUT_RDWR))
        }
    }

    deinit { stop() }

    /// A loopback port nothing listens on: bound, then closed again.
    static func closedPort() throws -> Int {
        let listener = try LoopbackListener()
        let port = listener.port
        listener.stop()
        return port
    }
}

/// Polling with a deadline, for conditions other threads make true.
enum Poll {
    static func until(timeout: Duration, _ what: String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else {
                throw LoopbackListener.Failed(description: "no \(what) within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
