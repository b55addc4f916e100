import Foundation

/// The Prometheus of `scripts/prometheus` for the console's end-to-end tests, found through the
/// `OPSDECK_TEST_PROMETHEUS_URL` that `scripts/test` exports.
enum TestPrometheus {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Run when Prometheus was started, and always in CI (`CI=true`), where its absence must fail.
    static var shouldRun: Bool {
        environment["OPSDECK_TEST_PROMETHEUS_URL"] != nil || environment["CI"].map { $0 == "true" || $0 == "1" } == true
    }

    struct Unavailable: Error, CustomStringConvertible {
        var description: String {
            "OPSDECK_TEST_PROMETHEUS_URL is unset (scripts/test starts it; by hand: scripts/prometheus start)"
        }
    }

    static func url() throws -> String {
        guard let url = environment["OPSDECK_TEST_PROMETHEUS_URL"], !url.isEmpty else { throw Unavailable() }
        return url
    }
}
