import Foundation
import Testing

/// The nginx that `scripts/test` starts with `scripts/tls-endpoints` (plain HTTP and HTTPS with a
/// valid, an expiring, an expired and a self-signed certificate), found through its
/// `OPSDECK_TEST_TLS_…` variables.
enum TLSEndpoints {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Suites that need nginx run when it was started, and always in CI (`CI=true`), where a missing
    /// nginx must fail the run loudly instead of skipping the tests.
    static var shouldRun: Bool {
        environment["OPSDECK_TEST_TLS_HTTP_PORT"] != nil || environment["CI"].map { $0 == "true" || $0 == "1" } == true
    }

    static let missing: Comment = """
        no test endpoints: OPSDECK_TEST_TLS_HTTP_PORT is unset (scripts/test starts them; by hand: \
        scripts/tls-endpoints start && eval "$(scripts/tls-endpoints env)")
        """

    struct Unavailable: Error, CustomStringConvertible {
        var variable: String
        var description: String { "\(variable) is unset: \(TLSEndpoints.missing)" }
    }

    static func port(_ name: String) throws -> Int {
        let variable = "OPSDECK_TEST_TLS_\(name)_PORT"
        guard let text = environment[variable], let port = Int(text) else { throw Unavailable(variable: variable) }
        return port
    }

    /// `http://127.0.0.1:PORT/path`.
    static func http(_ path: String) throws -> String { "http://127.0.0.1:\(try port("HTTP"))\(path)" }
    /// `https://localhost:PORT/path` on the valid server.
    static func valid(_ path: String, host: String = "localhost") throws -> String {
        "https://\(host):\(try port("VALID"))\(path)"
    }
    static func soon(_ path: String) throws -> String { "https://localhost:\(try port("SOON"))\(path)" }
    static func expired(_ path: String) throws -> String { "https://localhost:\(try port("EXPIRED"))\(path)" }
    static func selfSigned(_ path: String) throws -> String { "https://localhost:\(try port("SELF_SIGNED"))\(path)" }

    /// The test CA's certificate, which signed every certificate but the self-signed one.
    static func caFile() throws -> String {
        guard let path = environment["OPSDECK_TEST_TLS_CA_FILE"] else { throw Unavailable(variable: "OPSDECK_TEST_TLS_CA_FILE") }
        return path
    }
}
