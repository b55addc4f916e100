import Foundation
import Glibc

/// A loopback HTTP server that answers every request with the same bytes and keeps what each
/// request sent (request line and headers), to check what a client puts on the wire.
final class CannedHTTPServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let answer: [UInt8]
    private let lock = NSLock()
    private var heads: [String] = []
    private var stopped = false

    struct Failed: Error, CustomStringConvertible { var description: String }

    /// Answers `status` with `body` (as JSON unless `contentType` says otherwise), then closes.
    convenience init(status: Int = 200, reason: String = "OK", body: String,
                     contentType: String = "application/json") throws {
        try self.init(status: status, reason: reason, body: Array(body.utf8), contentType: contentType)
    }

    init(status: Int, reason: String, body: [UInt8], contentType: String) throws {
        let head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        answer = Array(head.utf8) + body
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failed(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
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
                serve(connection)
            }
        }
    }

    /// `http://127.0.0.1:PORT`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// The request line and headers of every request so far, oldest first.
    var requests: [String] { lock.withLock { heads } }

    /// The value of header `name` in the last request (names compared without case).
    func lastHeader(_ name: String) -> String? {
        guard let last = requests.last else { return nil }
        for line in last.split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].lowercased() == name.lowercased() {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// The request target of the last request (`/api/v1/query?query=…`).
    var lastTarget: String? {
        requests.last?.split(separator: " ").dropFirst().first.map(String.init)
    }

    /// Reads up to the end of the head (these clients send no body with GET), then answers.
    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end = Array("\r\n\r\n".utf8)
        while received.count < 1 << 20 {
            let count = buffer.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            received += buffer[..<count]
            if let range = received.firstRange(of: end) {
                let head = String(decoding: received[..<range.lowerBound], as: UTF8.self)
                lock.withLock { heads.append(head) }
                break
            }
        }
        var sent = 0
        while sent < answer.count {
            let count = answer.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return write(connection, base + sent, bytes.count - sent)
            }
            if count <= 0 { return }
            sent += count
        }
    }

    func stop() {
        let first = lock.withLock { () -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    deinit { stop() }
}
