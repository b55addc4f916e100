import Foundation

/// A Prometheus server as queried: its base URL and the Authorization header that goes with every
/// request, resolved from the environment variable the configuration names.
///
/// The secret is kept out of every description, so that printing a plan, a test failure or a debug
/// dump never shows it.
public struct PrometheusServer: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Authorization: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
        case bearer(token: String)
        case basic(user: String, password: String)

        /// The value of the `Authorization` header.
        public var headerValue: String {
            switch self {
            case .bearer(let token):
                "Bearer \(token)"
            case .basic(let user, let password):
                "Basic \(Data("\(user):\(password)".utf8).base64EncodedString())"
            }
        }

        public var description: String {
            switch self {
            case .bearer: "bearer token"
            case .basic(let user, _): "basic auth as \(user)"
            }
        }

        public var debugDescription: String { description }
    }

    /// As configured: `https://prometheus.example.com`, possibly with a path prefix (`http://host/prom`).
    public var url: String
    public var authorization: Authorization?
    /// Why the configured credentials could not be used (an unset or malformed variable); queries to
    /// this server then fail with it instead of going out unauthenticated.
    public var credentialsProblem: String?

    public init(url: String, authorization: Authorization? = nil, credentialsProblem: String? = nil) {
        self.url = url
        self.authorization = authorization
        self.credentialsProblem = credentialsProblem
    }

    /// The server of `config`, its credentials read from `variables`. `environment` names the
    /// configuration's environment in the problem's words.
    public init(_ config: PrometheusConfig, environment: String, variables: [String: String]) {
        self.init(url: config.url)
        guard let credentials = config.credentials else { return }
        switch credentials {
        case .bearerTokenEnvironment(let name):
            switch Self.variable(name, in: variables, key: "bearer_token_env", environment: environment) {
            case .success(let token): authorization = .bearer(token: token)
            case .failure(let problem): credentialsProblem = problem.message
            }
        case .basicAuthEnvironment(let name):
            switch Self.variable(name, in: variables, key: "basic_auth_env", environment: environment) {
            case .success(let pair):
                guard let colon = pair.firstIndex(of: ":") else {
                    credentialsProblem = "environment variable \(name) (basic_auth_env of environment \(environment)) "
                        + "must hold user:password, and has no colon"
                    return
                }
                authorization = .basic(user: String(pair[..<colon]), password: String(pair[pair.index(after: colon)...]))
            case .failure(let problem):
                credentialsProblem = problem.message
            }
        }
    }

    private struct Problem: Error { var message: String }

    private static func variable(_ name: String, in variables: [String: String], key: String, environment: String)
        -> Result<String, Problem> {
        let place = "(\(key) of environment \(environment))"
        guard let value = variables[name] else {
            return .failure(Problem(message: "environment variable \(name) is not set \(place)"))
        }
        guard !value.isEmpty else { return .failure(Problem(message: "environment variable \(name) is empty \(place)")) }
        // A header value cannot hold a line break; a secret pasted with its newline is the usual cause.
        let trimmed = value.trimmingCharacters(in: .newlines)
        guard !trimmed.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
            return .failure(Problem(message: "environment variable \(name) holds a line break \(place)"))
        }
        return .success(trimmed)
    }

    public var description: String {
        var text = url
        if let authorization { text += " (\(authorization))" }
        if let credentialsProblem { text += " (unusable credentials: \(credentialsProblem))" }
        return text
    }

    public var debugDescription: String { description }
}
