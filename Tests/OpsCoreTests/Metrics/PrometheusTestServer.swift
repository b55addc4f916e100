import Foundation
import Testing
@testable import OpsCore

/// The Prometheus that `scripts/test` starts with `scripts/prometheus` (scraping the test exporter
/// every second: http_requests_total{code="200"} at 10/s, {code="500"} at 1/s, a dead job), found
/// through its `OPSDECK_TEST_PROMETHEUS_…` variables.
enum PrometheusTestServer {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Suites that need Prometheus run when it was started, and always in CI (`CI=true`), where a
    /// missing Prometheus must fail the run loudly instead of skipping the tests.
    static var shouldRun: Bool {
        environment["OPSDECK_TEST_PROMETHEUS_URL"] != nil || environment["CI"].map { $0 == "true" || $0 == "1" } == true
    }

    static let missing: Comment = """
        no test Prometheus: OPSDECK_TEST_PROMETHEUS_URL is unset (scripts/test starts it; by hand: \
        scripts/prometheus start && eval "$(scripts/prometheus env)")
        """

    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "OPSDECK_TEST_PROMETHEUS_URL is unset: \(PrometheusTestServer.missing)" }
    }

    static func url() throws -> String {
        guard let url = environment["OPSDECK_TEST_PROMETHEUS_URL"] else { throw Unavailable() }
        return url
    }

    static func client(timeout: Duration = .seconds(5)) throws -> PrometheusClient {
        PrometheusClient(server: PrometheusServer(url: try url()), timeout: timeout)
    }

    struct NotSettled: Error, CustomStringConvertible { var description: String }

    /// Polls `query` every 0.2 s until `accept` takes its samples, for at most `timeout`. The rates
    /// need a few scrapes after the start before they settle; a fixed sleep would be too long on a
    /// quick machine and too short on a busy one.
    static func samples(of query: String, timeout: Duration = .seconds(30),
                        until accept: ([PrometheusSample]) -> Bool) async throws -> [PrometheusSample] {
        let client = try client()
        let deadline = ContinuousClock.now + timeout
        var last: Result<[PrometheusSample], PrometheusError> = .success([])
        while ContinuousClock.now < deadline {
            last = await client.instant(query: query)
            if case .success(let samples) = last, accept(samples) { return samples }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw NotSettled(description: "\(query) did not settle within \(timeout); last: \(last)")
    }
}
