import Foundation
import Testing

/// The nginx of `scripts/tls-endpoints` for `opsdeck probe` end-to-end tests, found through the
/// `OPSDECK_TEST_TLS_…` variables that `scripts/test` exports.
enum ProbeTestEndpoints {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Run when nginx was started, and always in CI (`CI=true`), where its absence must fail loudly.
    static var shouldRun: Bool {
        environment["OPSDECK_TEST_TLS_HTTP_PORT"] != nil || environment["CI"].map { $0 == "true" || $0 == "1" } == true
    }

    static let missing: Comment = """
        no test endpoints: OPSDECK_TEST_TLS_HTTP_PORT is unset (scripts/test starts them; by hand: \
        scripts/tls-endpoints start && eval "$(scripts/tls-endpoints env)")
        """

    struct Unavailable: Error, CustomStringConvertible {
        var variable: String
        var description: String { "\(variable) is unset: \(ProbeTestEndpoints.missing)" }
    }

    private static func value(_ variable: String) throws -> String {
        guard let value = environment[variable], !value.isEmpty else { throw Unavailable(variable: variable) }
        return value
    }

    /// `http://127.0.0.1:PORT` of the plain server.
    static func httpBase() throws -> String { "http://127.0.0.1:\(try value("OPSDECK_TEST_TLS_HTTP_PORT"))" }
    /// `https://localhost:PORT` of the certificate that expires in 3 days.
    static func soonBase() throws -> String { "https://localhost:\(try value("OPSDECK_TEST_TLS_SOON_PORT"))" }
    /// `https://localhost:PORT` of the valid certificate.
    static func validBase() throws -> String { "https://localhost:\(try value("OPSDECK_TEST_TLS_VALID_PORT"))" }

    /// `SSL_CERT_FILE` naming the test CA, so that opsdeck trusts the endpoints' certificates.
    static func trustingTheTestCA() throws -> [String: String] {
        ["SSL_CERT_FILE": try value("OPSDECK_TEST_TLS_CA_FILE")]
    }
}
