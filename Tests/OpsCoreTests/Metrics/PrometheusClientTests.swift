import Foundation
import Synchronization
import Testing
@testable import OpsCore

/// The client against small in-process servers: what goes on the wire, and every way an answer can
/// fail. No Prometheus needed.
@Suite struct PrometheusClientTests {
    static let vector = #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"1"]}]}}"#

    @Test func aBearerTokenGoesInTheAuthorizationHeader() async throws {
        let server = try CannedHTTPServer(body: Self.vector)
        defer { server.stop() }
        let client = PrometheusClient(server: PrometheusServer(url: server.url, authorization: .bearer(token: "t0ken")))
        let samples = try await client.instant(query: #"sum(rate(x{a="b"}[5m])) + 1"#).get()
        #expect(samples == [PrometheusSample(labels: [:], value: .number(1), at: Date(timeIntervalSince1970: 1_700_000_000))])
        #expect(server.lastHeader("Authorization") == "Bearer t0ken")
        #expect(server.lastHeader("Accept") == "application/json")
        #expect(server.lastHeader("User-Agent") == "opsdeck-metrics")
        #expect(server.lastTarget == "/api/v1/query?query=sum%28rate%28x%7Ba%3D%22b%22%7D%5B5m%5D%29%29%20%2B%201")
        #expect(server.requests.first?.hasPrefix("GET ") == true)
    }

    @Test func basicAuthFromTheVariableGoesInTheAuthorizationHeader() async throws {
        let server = try CannedHTTPServer(body: Self.vector)
        defer { server.stop() }
        let config = PrometheusConfig(url: server.url + "/prom/", credentials: .basicAuthEnvironment("AUTH"))
        let client = PrometheusClient(server: PrometheusServer(config, environment: "staging", variables: ["AUTH": "ops:pa ss"]))
        _ = try await client.instant(query: "up").get()
        #expect(server.lastHeader("Authorization") == "Basic " + Data("ops:pa ss".utf8).base64EncodedString())
        #expect(server.lastTarget == "/prom/api/v1/query?query=up")
    }

    @Test func withoutCredentialsNoAuthorizationHeaderIsSent() async throws {
        let server = try CannedHTTPServer(body: Self.vector)
        defer { server.stop() }
        _ = try await PrometheusClient(server: PrometheusServer(url: server.url)).instant(query: "up").get()
        #expect(server.requests.count == 1)
        #expect(server.lastHeader("Authorization") == nil)
    }

    @Test func missingCredentialsSendNothing() async throws {
        let server = try CannedHTTPServer(body: Self.vector)
        defer { server.stop() }
        let config = PrometheusConfig(url: server.url, credentials: .bearerTokenEnvironment("PROM_TOKEN"))
        let client = PrometheusClient(server: PrometheusServer(config, environment: "production", variables: [:]))
        let result = await client.instant(query: "up")
        #expect(result == .failure(.missingCredentials(
            "environment variable PROM_TOKEN is not set (bearer_token_env of environment production)")))
        let range = await client.range(query: "up", start: Date(), end: Date(), step: .seconds(1))
        #expect(range == .failure(.missingCredentials(
            "environment variable PROM_TOKEN is not set (bearer_token_env of environment production)")))
        #expect(server.requests.isEmpty)
    }

    @Test func aServiceUnavailableAPIErrorIsReported() async throws {
        let server = try CannedHTTPServer(status: 503, reason: "Service Unavailable",
                                          body: #"{"status":"error","errorType":"unavailable","error":"TSDB not ready"}"#)
        defer { server.stop() }
        let result = await PrometheusClient(server: PrometheusServer(url: server.url)).instant(query: "up")
        #expect(result == .failure(.api(errorType: "unavailable", message: "TSDB not ready", httpStatus: 503)))
    }

    @Test func refusedCredentialsAreSaidSo() async throws {
        let server = try CannedHTTPServer(status: 401, reason: "Unauthorized", body: "Unauthorized\n", contentType: "text/plain")
        defer { server.stop() }
        let result = await PrometheusClient(server: PrometheusServer(url: server.url, authorization: .bearer(token: "x")))
            .instant(query: "up")
        #expect(result.failureText == "HTTP 401 Unauthorized: Prometheus wants credentials, or refused the ones given")
    }

    @Test func anAnswerLargerThanTheCapIsRefused() async throws {
        let big = #"{"status":"success","data":{"resultType":"vector","result":[\#(String(repeating: #"{"value":[1,"1"]},"#, count: 10_000))"#
        let server = try CannedHTTPServer(body: big)
        defer { server.stop() }
        let client = PrometheusClient(server: PrometheusServer(url: server.url), maxAnswerBytes: 64 << 10)
        #expect(await client.instant(query: "up") == .failure(.answerTooLarge(limit: 64 << 10)))
        #expect(await client.instant(query: "up").failureText == "Prometheus's answer is larger than 64 KiB; narrow the query")
    }

    @Test func aNonJSONAnswerIsMalformed() async throws {
        let server = try CannedHTTPServer(body: "<html>Grafana login</html>", contentType: "text/html")
        defer { server.stop() }
        let result = await PrometheusClient(server: PrometheusServer(url: server.url)).instant(query: "up")
        #expect(result.failureText == #"not a Prometheus API answer: not JSON (starts with "<html>Grafana login</html>")"#)
    }

    @Test func aRangeVectorFromAnInstantQueryIsExplained() async throws {
        let server = try CannedHTTPServer(body: #"{"status":"success","data":{"resultType":"matrix","result":[]}}"#)
        defer { server.stop() }
        let result = await PrometheusClient(server: PrometheusServer(url: server.url)).instant(query: "up[5m]")
        #expect(result.failureText == "the query gives a range vector (use rate() or an *_over_time function), not numbers")
    }

    @Test func aClosedPortIsUnreachableInWords() async throws {
        let port = try SilentTCPServer.closedPort()
        let result = await PrometheusClient(server: PrometheusServer(url: "http://127.0.0.1:\(port)")).instant(query: "up")
        #expect(result.failureText == "cannot reach Prometheus: connection refused (127.0.0.1:\(port))")
    }

    @Test func aBadURLIsSaidSo() async {
        for url in ["prometheus:9090", "ftp://h/", "http://user:pw@h:9090"] {
            let result = await PrometheusClient(server: PrometheusServer(url: url)).instant(query: "up")
            #expect(result == .failure(.invalidURL(url)))
        }
    }

    @Test func unusableTrustRootsAreAnErrorNotACrash() async {
        let client = PrometheusClient(server: PrometheusServer(url: "https://127.0.0.1:1"), trustRoots: .file("/nonexistent/ca.pem"))
        #expect(await client.instant(query: "up").failureText
                == "cannot query Prometheus: cannot use the trusted certificates in /nonexistent/ca.pem: no such file")
    }

    /// Timed where the exchange ends, like the HTTP client's deadline tests: the test's own resumption
    /// may wait for a thread of a busy pool.
    @Test func aServerThatNeverAnswersFailsAfterTheTimeoutOnly() async throws {
        let silent = try SilentTCPServer()
        defer { silent.stop() }
        let client = PrometheusClient(server: PrometheusServer(url: "http://127.0.0.1:\(silent.port)"), timeout: .milliseconds(700))
        let started = ContinuousClock.now
        let result = await client.instant(query: "up")
        let taken = ContinuousClock.now - started
        #expect(result == .failure(.transport(.timedOut(after: .milliseconds(700), phase: .waitingForAnswer))))
        #expect(result.failureText == "Prometheus did not answer: timed out after 0.7s waiting for the answer")
        #expect(taken >= .milliseconds(700))
        #expect(silent.connectionCount == 1)
    }

    @Test func cancellingTheTaskEndsTheQuery() async throws {
        let silent = try SilentTCPServer()
        defer { silent.stop() }
        let client = PrometheusClient(server: PrometheusServer(url: "http://127.0.0.1:\(silent.port)"), timeout: .seconds(60))
        let task = Task { await client.instant(query: "up") }
        try await silent.waitForConnection()
        task.cancel()
        #expect(await task.value == .failure(.cancelled))
    }
}

extension Result where Failure == PrometheusError {
    /// The error's words, nil on success.
    var failureText: String? {
        if case .failure(let error) = self { return error.description }
        return nil
    }
}
