import Foundation
import Glibc
import OpsCore

/// A loopback HTTP server that answers every request with the same bytes (until `answer` changes
/// them) and keeps what each request sent (request line and headers), to check what a client puts
/// on the wire.
final class CannedHTTPServer: Sendable {
    private let listener: LoopbackListener
    private let heads = LockedValue<[String]>([])
    private let canned: LockedValue<[UInt8]>

    /// Answers `status` with `body` (as JSON unless `contentType` says otherwise), then closes.
    convenience init(status: Int = 200, reason: String = "OK", body: String,
                     contentType: String = "application/json") throws {
        try self.init(status: status, reason: reason, body: Array(body.utf8), contentType: contentType)
    }

    init(status: Int, reason: String, body: [UInt8], contentType: String) throws {
        let canned = LockedValue(Self.answer(status: status, reason: reason, body: body, contentType: contentType))
        let heads = heads
        listener = try LoopbackListener { connection in Self.serve(connection, answer: canned.value, heads: heads) }
        self.canned = canned
    }

    /// Answers the requests from now on with `status` and `body` (a page that changes between two
    /// scrapes, a server that starts failing).
    func answer(status: Int = 200, reason: String = "OK", body: String, contentType: String = "application/json") {
        let bytes = Self.answer(status: status, reason: reason, body: Array(body.utf8), contentType: contentType)
        canned.withLock { $0 = bytes }
    }

    private static func answer(status: Int, reason: String, body: [UInt8], contentType: String) -> [UInt8] {
        let head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + body
    }

    var port: Int { listener.port }

    /// `http://127.0.0.1:PORT`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// The request line and headers of every request so far, oldest first.
    var requests: [String] { heads.value }

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

    /// Reads up to the end of the head (these clients send no body with GET), then answers; the
    /// listener closes the connection.
    private static func serve(_ connection: Int32, answer: [UInt8], heads: LockedValue<[String]>) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let end = Array("\r\n\r\n".utf8)
        while received.count < 1 << 20 {
            let count = buffer.withUnsafeMutableBytes { read(connection, $0.baseAddress, $0.count) }
            if count <= 0 { return }
            received += buffer[..<count]
            if let range = received.firstRange(of: end) {
                let head = String(decoding: received[..<range.lowerBound], as: UTF8.self)
                heads.withLock { $0.append(head) }
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

    func stop() { listener.stop() }
}
