import Foundation
import Glibc

/// Forwards every connection to a loopback port (nginx's TLS servers) byte for byte, counting the
/// connections: the TLS handshakes a client made, seen from outside.
final class CountingTCPProxy: Sendable {
    private let listener: LoopbackListener

    init(to upstreamPort: Int) throws {
        listener = try LoopbackListener { client in
            let upstream = Self.connect(port: upstreamPort)
            guard upstream >= 0 else { return }
            // Each direction on a thread of its own; `client` is closed by the listener once this
            // returns, after both.
            let upstreamDone = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                Self.pump(from: client, to: upstream)
                upstreamDone.signal()
            }
            Self.pump(from: upstream, to: client)
            upstreamDone.wait()
            close(upstream)
        }
    }

    var port: Int { listener.port }
    var connectionCount: Int { listener.connectionCount }

    func stop() { listener.stop() }

    /// Copies until `source` ends, then ends the writing side of `destination`.
    private static func pump(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        copying: while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes {
                    send(destination, $0.baseAddress! + offset, count - offset, Int32(MSG_NOSIGNAL))
                }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { break copying }
                offset += written
            }
        }
        shutdown(destination, Int32(SHUT_WR))
        shutdown(source, Int32(SHUT_RD))
    }

    private static func connect(port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return -1
        }
        return fd
    }
}
