import Foundation
import Synchronization
import Testing
@testable import OpsCore

/// Deadlines and failures that need no nginx: an in-process server that never answers, a closed port.
///
/// Durations are taken where the exchange ends, on the event loop: a test awaiting the result resumes
/// only when the shared test thread pool has a thread free, which other suites (waiting for child
/// processes) may hold for a while.
@Suite struct HTTPClientDeadlineTests {
    /// Runs `request` and returns its error and how long the exchange took until it ended.
    static func timedFailure(_ request: HTTPRequest, timeout: Duration, client: HTTPClient? = nil) async throws
        -> (error: any Error, taken: Duration) {
        let client = try client ?? HTTPClient()
        let ended = Mutex<ContinuousClock.Instant?>(nil)
        // Before the exchange exists: its deadline counts from its creation.
        let started = ContinuousClock.now
        let exchange = try client.makeExchange(request, timeout: timeout, insecure: false)
        let future = exchange.start()
        future.whenComplete { _ in ended.withLock { $0 = ContinuousClock.now } }
        do {
            let response = try await future.get()
            throw Unexpected(description: "an answer, status \(response.status)")
        } catch let error as Unexpected {
            throw error
        } catch {
            let end = try #require(ended.withLock { $0 })
            return (error, end - started)
        }
    }

    struct Unexpected: Error, CustomStringConvertible { var description: String }

    @Test func aServerThatNeverAnswersCostsExactlyTheTimeout() async throws {
        let silent = try SilentTCPServer()
        defer { silent.stop() }
        let (error, taken) = try await Self.timedFailure(HTTPRequest(url: "http://127.0.0.1:\(silent.port)/health"),
                                                         timeout: .milliseconds(700))
        #expect(error as? HTTPClientError == .timedOut(after: .milliseconds(700), phase: .waitingForAnswer))
        #expect("\(error)" == "timed out after 0.7s waiting for the answer")
        #expect(taken >= .milliseconds(700))
        #expect(taken < .milliseconds(1200))
    }

    @Test func aSilentTLSServerTimesOutInTheHandshake() async throws {
        let silent = try SilentTCPServer()
        defer { silent.stop() }
        let (error, taken) = try await Self.timedFailure(HTTPRequest(url: "https://127.0.0.1:\(silent.port)/"),
                                                         timeout: .milliseconds(500))
        #expect(error as? HTTPClientError == .timedOut(after: .milliseconds(500), phase: .tlsHandshake))
        #expect(taken >= .milliseconds(500))
        #expect(taken < .milliseconds(1000))
    }

    @Test func aClosedPortIsRefused() async throws {
        let port = try SilentTCPServer.closedPort()
        let error = await #expect(throws: HTTPClientError.self) {
            try await HTTPClient().send(HTTPRequest(url: "http://127.0.0.1:\(port)/"), timeout: .seconds(2))
        }
        #expect(error?.description == "connection refused (127.0.0.1:\(port))")
    }

    @Test func anInvalidURLIsRefusedBeforeConnecting() async throws {
        await #expect(throws: HTTPClientError.invalidURL("ftp://example.com/")) {
            try await HTTPClient().send(HTTPRequest(url: "ftp://example.com/"), timeout: .seconds(1))
        }
    }

    @Test func aHeaderThatWouldSplitTheRequestIsRefused() async throws {
        let request = HTTPRequest(url: "http://127.0.0.1:1/", headers: [HTTPHeader("X-Token", "a\r\nHost: evil")])
        await #expect(throws: HTTPClientError.invalidRequest("the value of header X-Token has a line break")) {
            try await HTTPClient().send(request, timeout: .seconds(1))
        }
        await #expect(throws: HTTPClientError.invalidRequest(#""GET /" is not an HTTP method"#)) {
            try await HTTPClient().send(HTTPRequest(method: "GET /", url: "http://127.0.0.1:1/"), timeout: .seconds(1))
        }
    }

    @Test func cancellingTheTaskEndsTheRequest() async throws {
        let silent = try SilentTCPServer()
        defer { silent.stop() }
        let client = try HTTPClient()
        let request = Task {
            try await client.send(HTTPRequest(url: "http://127.0.0.1:\(silent.port)/"), timeout: .seconds(60))
        }
        try await silent.waitForConnection()
        request.cancel()
        // Not a timeout (60 s away): the cancellation itself ended it.
        await #expect(throws: CancellationError.self) { try await request.value }
    }
}
