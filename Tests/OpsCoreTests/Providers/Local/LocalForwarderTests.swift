import Foundation
import Glibc
import Testing
@testable import OpsCore

/// The front port over real loopback sockets: each connection goes to the instance live when it
/// arrives, bytes flow both ways (a half close included), nothing live closes the client, and
/// stopping ends every connection.
@Suite struct LocalForwarderTests {
    /// A backend that answers every connection with `word` after reading the client's bytes to
    /// their end (so a half-closed request is answered), then closes.
    static func backend(_ word: String) throws -> LoopbackListener {
        try LoopbackListener { fd in
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1024)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { break }
                received += chunk[0..<count]
            }
            let answer = Array("\(word):\(received.count)".utf8)
            _ = answer.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
    }

    /// Connects to `port`, sends `bytes`, half-closes, and reads the whole answer.
    static func exchange(port: Int, sending bytes: [UInt8]) -> String? {
        guard let fd = LoopbackSocket.connect(port: port, timeoutMilliseconds: 5000) else { return nil }
        defer { close(fd) }
        guard bytes.withUnsafeBytes({ LoopbackSocket.writeAll(fd, $0) }) else { return nil }
        shutdown(fd, Int32(SHUT_WR))
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            answer += chunk[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test func followsTheLiveInstanceConnectionByConnection() throws {
        let first = try Self.backend("first")
        let second = try Self.backend("second")
        defer { first.stop(); second.stop() }
        let live = LockedBox<Int?>(first.port)
        let forwarder = try LocalForwarder(port: 0) { live.value }
        forwarder.start()
        defer { forwarder.stop() }
        #expect(forwarder.port > 0)
        // 200 kB through: more than any socket buffer, so the relay must keep both ways moving.
        let big = [UInt8](repeating: 0x61, count: 200_000)
        #expect(Self.exchange(port: forwarder.port, sending: big) == "first:200000")
        live.mutate { $0 = second.port }
        #expect(Self.exchange(port: forwarder.port, sending: Array("GET".utf8)) == "second:3")
        // Nothing live: the client is accepted and closed at once, with nothing said.
        live.mutate { $0 = nil }
        #expect(Self.exchange(port: forwarder.port, sending: Array("x".utf8)) == "")
        // A live port nothing listens on any more behaves the same.
        live.mutate { $0 = try? LoopbackListener.closedPort() }
        #expect(Self.exchange(port: forwarder.port, sending: Array("x".utf8)) == "")
    }

    @Test func stoppingEndsOpenConnections() async throws {
        // A backend that holds every connection open without answering.
        let silent = try LoopbackListener()
        defer { silent.stop() }
        let forwarder = try LocalForwarder(port: 0) { silent.port }
        forwarder.start()
        let client = try #require(LoopbackSocket.connect(port: forwarder.port, timeoutMilliseconds: 10_000))
        defer { close(client) }
        try await silent.waitForConnections(1, timeout: .seconds(10))
        forwarder.stop()
        var byte: UInt8 = 0
        #expect(recv(client, &byte, 1, 0) == 0)
        // The port is free again.
        #expect(LoopbackSocket.connect(port: forwarder.port) == nil)
    }

    @Test func aPortInUseIsAnErrorAtOnce() throws {
        let taken = try LoopbackListener()
        defer { taken.stop() }
        #expect(throws: LocalProviderError.self) { try LocalForwarder(port: taken.port) { nil } }
    }

    @Test func readinessStatusLine() {
        #expect(LoopbackHTTP.parseStatus(Array("HTTP/1.1 503 Service Unavailable\r\n".utf8)) == 503)
        #expect(LoopbackHTTP.parseStatus(Array("HTTP/1.0 200 OK\r\n".utf8)) == 200)
        #expect(LoopbackHTTP.parseStatus(Array("SSH-2.0-OpenSSH\r\n".utf8)) == nil)
        #expect(LoopbackHTTP.parseStatus(Array("HTTP/1.1 2x0 OK\r\n".utf8)) == nil)
        #expect(LoopbackHTTP.parseStatus([]) == nil)
    }
}
