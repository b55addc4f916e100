import Foundation
import Glibc

/// A loopback TCP port that accepts connections and never says a word: the worst kind of hung
/// server, which only a client's own deadline gets out of.
final class SilentTCPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var accepted: [Int32] = []
    private var stopped = false

    struct Failed: Error, CustomStringConvertible { var description: String }

    init() throws {
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
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 { return }  // closed by stop()
                let keep = lock.withLock { () -> Bool in
                    if stopped { return false }
                    accepted.append(connection)
                    return true
                }
                if !keep {
                    close(connection)
                    return
                }
            }
        }
    }

    var connectionCount: Int { lock.withLock { accepted.count } }

    /// Polls until a client has connected; throws after `timeout`.
    func waitForConnection(timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + timeout
        while connectionCount == 0 {
            guard ContinuousClock.now < deadline else { throw Failed(description: "no connection within \(timeout)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func stop() {
        let connections = lock.withLock { () -> [Int32]? in
            if stopped { return nil }
            stopped = true
            defer { accepted = [] }
            return accepted
        }
        guard let connections else { return }
        connections.forEach { close($0) }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    deinit { stop() }

    /// A loopback port nothing listens on: bound, then closed again.
    static func closedPort() throws -> Int {
        let server = try SilentTCPServer()
        let port = server.port
        server.stop()
        return port
    }
}
