import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Unix socket that accepts connections and never answers: a Docker engine hung in the worst
/// way, for tests that the console stays responsive and says so in the pane.
final class SilentSocketServer: @unchecked Sendable {
    let path: String
    private let listener: Int32
    private let lock = NSLock()
    private var accepted: [Int32] = []
    private var stopped = false

    struct Failed: Error, CustomStringConvertible { var description: String }

    init() throws {
        path = NSTemporaryDirectory() + "opsdeck-silent-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw Failed(description: "socket: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw Failed(description: "bind/listen \(path): errno \(errno)")
        }
        Thread.detachNewThread { [self] in
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 { return } // closed by stop()
                let keep = lock.withLock { () -> Bool in
                    if stopped { return false }
                    accepted.append(connection)
                    return true
                }
                if !keep { close(connection); return }
            }
        }
    }

    /// `DOCKER_HOST` for a client that should hang on this socket.
    var dockerHost: String { "unix://" + path }

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
        unlink(path)
    }

    deinit { stop() }
}
