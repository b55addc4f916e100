import Foundation
import Glibc
import OpsCore
import Testing
@testable import OpsDemo

/// The real listener on loopback: endpoints over HTTP, garbage answered 400, and a port file.
@Suite struct DemoHTTPServerTests {
    static func start(behaviour: DemoBehaviour = .healthy, timeScale: Double = 1) throws -> (DemoService, DemoHTTPServer) {
        let clock = ContinuousClock()
        let start = clock.now
        let service = DemoService(identity: DemoIdentity(service: "web", environment: "production", version: "1.4.0"),
                                  behaviour: behaviour, timeScale: timeScale, seed: 1, log: { _ in },
                                  uptime: { DemoSeconds.of(clock.now - start) },
                                  wallClock: { LogTimestamp(secondsSinceEpoch: 1_795_869_296) })
        return (service, try DemoHTTPServer(service: service, port: 0))
    }

    static func get(_ port: Int, _ path: String) async throws -> HTTPResponse {
        let client = try HTTPClient(userAgent: "demo-test")
        return try await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(10))
    }

    /// Sends raw bytes and reads the answer until the server closes.
    static func raw(_ port: Int, _ request: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    @Test func servesHealthReadyAndMetricsOnLoopback() async throws {
        let (_, server) = try Self.start()
        server.startTraffic()
        defer { server.stop() }
        #expect(server.port > 0)
        let health = try await Self.get(server.port, "/health")
        #expect(health.status == 200 && health.bodyText == "ok")
        let metrics = try await Self.get(server.port, "/metrics")
        #expect(metrics.status == 200)
        let page = ExpositionParser.parse(metrics.body)
        #expect(page.skippedLines == 0)
        #expect(page.samples.contains { $0.name == "demo_build_info" && $0.label("service") == "web" })
        let other = try await Self.get(server.port, "/api/anything")
        #expect(other.status == 200 || other.status == 500)
    }

    @Test func garbageGetsA400AndTheServerCarriesOn() async throws {
        let (_, server) = try Self.start()
        server.startTraffic()
        defer { server.stop() }
        let answer = try Self.raw(server.port, "NOT HTTP AT ALL\r\n\u{01}\u{02}\r\n\r\n")
        #expect(answer.hasPrefix("HTTP/1.1 400"))
        let oneOff = try Self.raw(server.port, "GET /health HTTP/1.0\r\n\r\n")
        #expect(oneOff.hasPrefix("HTTP/1.0 200") && oneOff.hasSuffix("ok"))
        let health = try await Self.get(server.port, "/health")
        #expect(health.status == 200)
    }

    @Test func thePortFileIsWrittenWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("demo-port-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("port").path
        try DemoPortFile.write(43210, to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "43210\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["port"])
        #expect(throws: DemoPortFile.Failure.self) { try DemoPortFile.write(1, to: folder.path + "/missing/port") }
    }
}
