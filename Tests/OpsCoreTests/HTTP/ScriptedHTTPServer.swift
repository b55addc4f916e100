import Foundation
import Glibc
import OpsCore

/// A loopback HTTP/1.1 server that answers each request as its script says, to show connection
/// reuse from the server's side: which connections the client made, which requests came on which,
/// and which connections the client closed.
final class ScriptedHTTPServer: Sendable {
    /// What the server does with one request (requests have no body in these tests).
    enum Turn: Sendable {
        /// `200 ok`, keeping the connection open (HTTP/1.1's default).
        case answer
        /// `200 ok`, then closes the connection as a server whose idle timeout is zero would.
        case answerThenClose
        /// Closes the connection without a word: how a request looks that crossed the server's
        /// close of an idle connection on the wire.
        case closeWithoutAnswer
        /// Never answers (and notices when the client gives up and closes).
        case hang
    }

    private let listener: LoopbackListener
    private let counts: LockedValue<Counts>

    struct Counts: Sendable {
        var requests = 0
        /// Connections on which the client closed its side while the server waited.
        var closedByClient = 0
    }

    /// `script(connection, request)`: connections are numbered in accept order from 0, requests on
    /// each connection from 0.
    init(script: @escaping @Sendable (_ connection: Int, _ request: Int) -> Turn = { _, _ in .answer }) throws {
        let counts = LockedValue(Counts())
        let numbering = LockedValue(0)
        listener = try LoopbackListener { fd in
            let connection = numbering.withLock { next -> Int in
                defer { next += 1 }
                return next
            }
            Self.serve(fd, connection: connection, script: script, counts: counts)
        }
        self.counts = counts
    }

    var port: Int { listener.port }
    var connectionCount: Int { listener.connectionCount }
    var requestCount: Int { counts.value.requests }
    var closedByClient: Int { counts.value.closedByClient }

    func url(_ path: String = "/health") -> String { "http://127.0.0.1:\(port)\(path)" }

    func waitUntil(_ what: String, timeout: Duration = .seconds(60), _ condition: (ScriptedHTTPServer) -> Bool)
        async throws {
        try await Poll.until(timeout: timeout, what) { condition(self) }
    }

    func stop() { listener.stop() }

    private static let answer = Array("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok".utf8)

    private static func serve(_ fd: Int32, connection: Int, script: (Int, Int) -> Turn, counts: LockedValue<Counts>) {
        // `fd` is closed by the listener when this returns.
        var pending: [UInt8] = []
        var request = 0
        while true {
            guard readHead(fd, into: &pending) else {
                counts.withLock { $0.closedByClient += 1 }
                return
            }
            counts.withLock { $0.requests += 1 }
            switch script(connection, request) {
            case .answer:
                guard writeAll(fd, answer) else { return }
            case .answerThenClose:
                _ = writeAll(fd, answer)
                return
            case .closeWithoutAnswer:
                return
            case .hang:
                var byte: UInt8 = 0
                while read(fd, &byte, 1) > 0 {}
                counts.withLock { $0.closedByClient += 1 }
                return
            }
            request += 1
        }
    }

    /// Reads until a request head is complete (`\r\n\r\n`) and drops it from `pending`; false when
    /// the client closed the connection (or it failed) first.
    private static func readHead(_ fd: Int32, into pending: inout [UInt8]) -> Bool {
        let end: [UInt8] = [13, 10, 13, 10]
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            if let range = pending.firstRange(of: end) {
                pending.removeSubrange(..<range.upperBound)
                return true
            }
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
