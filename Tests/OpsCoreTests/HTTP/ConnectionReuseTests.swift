import Foundation
import Synchronization
import Testing
@testable import OpsCore

/// Keep-alive seen from the server's side: an in-process HTTP/1.1 server counts the connections
/// the client makes and scripts how it answers on each.
@Suite struct ConnectionReuseTests {
    static func get(_ client: HTTPClient, _ url: String, timeout: Duration = .seconds(10)) async throws -> HTTPResponse {
        try await client.send(HTTPRequest(url: url), timeout: timeout)
    }

    @Test func requestsToOneEndpointShareOneConnection() async throws {
        let server = try ScriptedHTTPServer()
        defer { server.stop() }
        let client = try HTTPClient()
        for _ in 0..<5 {
            #expect(try await Self.get(client, server.url()).status == 200)
        }
        #expect(server.connectionCount == 1)
        #expect(server.requestCount == 5)
    }

    @Test func withoutReuseEachRequestHasItsOwnConnection() async throws {
        let server = try ScriptedHTTPServer()
        defer { server.stop() }
        let client = try HTTPClient(connectionReuse: .never)
        for _ in 0..<3 {
            #expect(try await Self.get(client, server.url()).status == 200)
        }
        #expect(server.connectionCount == 3)
    }

    @Test func aServerThatClosesAfterEachAnswerFailsNoRequest() async throws {
        let server = try ScriptedHTTPServer { _, _ in .answerThenClose }
        defer { server.stop() }
        let client = try HTTPClient()
        for _ in 0..<4 {
            #expect(try await Self.get(client, server.url()).status == 200)
        }
        #expect(server.connectionCount == 4)
    }

    @Test func aConnectionTheServerDroppedUnderTheRequestIsReplacedOnce() async throws {
        // The second request on every connection meets a close: as if the server's idle timeout
        // fired just as the request left.
        let server = try ScriptedHTTPServer { _, request in request == 0 ? .answer : .closeWithoutAnswer }
        defer { server.stop() }
        let client = try HTTPClient()
        #expect(try await Self.get(client, server.url()).status == 200)
        #expect(try await Self.get(client, server.url()).status == 200)
        #expect(server.connectionCount == 2)
        // Through the probe runner too: the endpoint is healthy, and so is the probe.
        let runner = LiveProbeRunner(client: client)
        let probe = Probe(id: ProbeID(service: "api", environment: nil, name: "health"),
                          config: ProbeConfig(name: "health", check: .http(ProbeConfig.HTTPCheck(url: server.url()))))
        let result = await runner.run(probe)
        #expect(result.state == .ok, "\(result.failedCondition ?? "")")
        #expect(server.connectionCount == 3)
    }

    @Test func anEndpointThatClosesEveryConnectionUnansweredStillFails() async throws {
        // Not stale: the new connection is refused an answer too, and that is the endpoint's fault.
        let server = try ScriptedHTTPServer { connection, request in
            connection == 0 && request == 0 ? .answer : .closeWithoutAnswer
        }
        defer { server.stop() }
        let client = try HTTPClient()
        #expect(try await Self.get(client, server.url()).status == 200)
        let error = await #expect(throws: HTTPClientError.self) { try await Self.get(client, server.url()) }
        #expect(error == .connectionClosed(phase: .waitingForAnswer))
        // One retry on a new connection, not more.
        #expect(server.connectionCount == 2)
    }

    @Test func aRequestWithABodyNeverTakesAnIdleConnection() async throws {
        let server = try ScriptedHTTPServer()
        defer { server.stop() }
        let client = try HTTPClient()
        #expect(try await Self.get(client, server.url()).status == 200)
        let post = HTTPRequest(method: "POST", url: server.url(), body: Array("{}".utf8))
        #expect(try await client.send(post, timeout: .seconds(10)).status == 200)
        #expect(server.connectionCount == 2)
    }

    @Test func aHungEndpointOnAReusedConnectionCostsItsTimeoutAndItsConnection() async throws {
        let server = try ScriptedHTTPServer { _, request in request == 0 ? .answer : .hang }
        defer { server.stop() }
        let client = try HTTPClient()
        #expect(try await Self.get(client, server.url()).status == 200)
        let ended = Mutex<ContinuousClock.Instant?>(nil)
        let started = ContinuousClock.now
        let exchange = try client.makeExchange(HTTPRequest(url: server.url()), timeout: .milliseconds(600), insecure: false)
        let future = exchange.start()
        future.whenComplete { _ in ended.withLock { $0 = ContinuousClock.now } }
        await #expect(throws: HTTPClientError.timedOut(after: .milliseconds(600), phase: .waitingForAnswer)) {
            try await future.get()
        }
        let taken = try #require(ended.withLock { $0 }) - started
        #expect(taken >= .milliseconds(600) && taken < .milliseconds(1100))
        // The hung connection was closed, not kept: the next request opens another.
        try await server.waitUntil("the client closing the hung connection") { $0.closedByClient == 1 }
        #expect(try await Self.get(client, server.url()).status == 200)
        #expect(server.connectionCount == 2)
    }

    @Test func cancellingARequestClosesItsConnection() async throws {
        let server = try ScriptedHTTPServer { _, request in request == 0 ? .answer : .hang }
        defer { server.stop() }
        let client = try HTTPClient()
        #expect(try await Self.get(client, server.url()).status == 200)
        let request = Task { try await Self.get(client, server.url(), timeout: .seconds(60)) }
        try await server.waitUntil("the second request") { $0.requestCount == 2 }
        request.cancel()
        await #expect(throws: CancellationError.self) { try await request.value }
        try await server.waitUntil("the client closing the connection") { $0.closedByClient == 1 }
    }

    @Test func anIdleConnectionIsClosedAfterTheIdleTimeout() async throws {
        let server = try ScriptedHTTPServer()
        defer { server.stop() }
        let client = try HTTPClient(connectionReuse: HTTPClient.ConnectionReuse(idleTimeout: .milliseconds(100)))
        #expect(try await Self.get(client, server.url()).status == 200)
        try await server.waitUntil("the idle connection closing") { $0.closedByClient == 1 }
        #expect(client.pool?.idleCount == 0)
    }

    @Test func aConnectionPastItsMaximumAgeIsNotUsedAgain() async throws {
        let server = try ScriptedHTTPServer()
        defer { server.stop() }
        let client = try HTTPClient(connectionReuse: HTTPClient.ConnectionReuse(maxAge: .nanoseconds(1)))
        #expect(try await Self.get(client, server.url()).status == 200)
        #expect(try await Self.get(client, server.url()).status == 200)
        #expect(server.connectionCount == 2)
    }

    @Test func theLastCopyOfAClientClosesItsIdleConnections() async throws {
        let server = try ScriptedHTTPServer()
        defer { server.stop() }
        do {
            let client = try HTTPClient()
            #expect(try await Self.get(client, server.url()).status == 200)
        }
        try await server.waitUntil("the connection closing with its client") { $0.closedByClient == 1 }
    }
}
