import Foundation

/// Reads what a failed kubectl call printed on stderr (after kubectl's own klog lines) into a
/// `KubernetesError`. Texts from kubectl 1.32 against a fake API server
/// (`reference/cli-formats.md` §3).
enum KubernetesErrorText {
    /// Longest message kept: a pane line, not a page.
    static let maxLength = 200

    static func error(_ failure: any Error, endpoint: KubernetesEndpoint) -> any Error {
        guard let failure = failure as? CommandError else { return failure }
        switch failure {
        case .notFound(let executable):
            return KubernetesError(kind: .notInstalled, message: "\(executable) is not installed (or not in PATH)",
                                   endpoint: endpoint)
        case .timedOut(_, let after):
            return KubernetesError(kind: .timedOut, message: "kubectl got no answer within \(CommandError.seconds(after))",
                                   endpoint: endpoint)
        case .launchFailed:
            return KubernetesError(kind: .other, message: failure.description, endpoint: endpoint)
        case .failed(_, let result):
            return error(stderr: result.standardError, endpoint: endpoint)
        }
    }

    static func error(stderr: String, endpoint: KubernetesEndpoint) -> KubernetesError {
        let lines = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !isKlog($0) }
        guard let line = lines.last(where: isErrorLine) ?? lines.last else {
            return KubernetesError(kind: .other, message: "kubectl failed without saying why", endpoint: endpoint)
        }
        let (kind, words) = classify(line)
        var message = Sanitiser.sanitise(words)
        if message.count > maxLength { message = String(message.prefix(maxLength)) + "…" }
        return KubernetesError(kind: kind, message: message, endpoint: endpoint)
    }

    /// klog's `E1129 00:57:40.490000 5222 memcache.go:265] …` lines, which kubectl ≥ 1.30 prints
    /// before the error itself.
    static func isKlog(_ line: String) -> Bool {
        let bytes = Array(line.utf8.prefix(6))
        guard bytes.count == 6, [UInt8(ascii: "E"), UInt8(ascii: "W"), UInt8(ascii: "I")].contains(bytes[0]),
              bytes[5] == UInt8(ascii: " ") else { return false }
        return bytes[1...4].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    static func isErrorLine(_ line: String) -> Bool {
        line.hasPrefix("Error from server") || line.hasPrefix("error:") || line.hasPrefix("Unable to connect")
            || line.hasPrefix("The connection to the server")
    }

    static func classify(_ line: String) -> (KubernetesError.Kind, String) {
        if let rest = line.removingPrefix("Error from server (Forbidden): ") { return (.forbidden, forbidden(rest)) }
        if let rest = line.removingPrefix("Error from server (NotFound): ") { return (.notFound, rest) }
        if line.contains("You must be logged in to the server") || line.hasPrefix("Error from server (Unauthorized)") {
            return (.unauthorized, "not logged in to the cluster (credentials missing or expired)")
        }
        if line.hasPrefix("The connection to the server"), let server = line.between("server ", " was refused") {
            return (.unreachable, "the API server \(server) refused the connection")
        }
        if let rest = line.removingPrefix("Unable to connect to the server: ") {
            if rest.contains("no such host") { return (.unreachable, "cannot resolve the API server's host: \(rest)") }
            if rest.contains("Timeout") || rest.contains("timeout") {
                return (.unreachable, "the API server did not answer in time")
            }
            return (.unreachable, "cannot reach the API server: \(rest)")
        }
        if let name = line.removingPrefix("error: context was not found for specified context: ") {
            return (.noSuchContext, "kube context \(name) is not in the kubeconfig")
        }
        if let rest = line.removingPrefix("Error from server (") ?? line.removingPrefix("error: ") {
            return (.other, rest)
        }
        return (.other, line)
    }

    /// `deployments.apps "web" is forbidden: User "dev@example.com" cannot list resource
    /// "deployments" in API group "apps" in the namespace "web"` → `not allowed to list deployments
    /// in namespace web (as dev@example.com)`; other shapes keep their own words.
    static func forbidden(_ text: String) -> String {
        guard let verb = text.between(" cannot ", " resource "), let resource = text.between("resource \"", "\"") else {
            return "forbidden: \(text)"
        }
        let user = text.between("User \"", "\"").map { " (as \($0))" } ?? ""
        let namespace = text.between("in the namespace \"", "\"").map { " in namespace \($0)" } ?? ""
        return "not allowed to \(verb) \(resource)\(namespace)\(user)"
    }
}

extension String {
    fileprivate func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    /// The text between the first `start` and the next `end` after it.
    fileprivate func between(_ start: String, _ end: String) -> String? {
        guard let open = range(of: start), let close = self[open.upperBound...].range(of: end) else { return nil }
        return String(self[open.upperBound..<close.lowerBound])
    }
}
