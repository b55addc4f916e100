/// The probes the bench runs: `count` probes on `interval`, two per service (`/health`, and `/ready`
/// whose JSON body is also checked), services alternating between the plain HTTP endpoint and the
/// HTTPS one, as a mixed fleet would.
struct ProbeWorkload {
    var count: Int
    var interval: Int
    var timeoutSeconds = 2
    var endpoints: ProbeEndpoints

    struct Target {
        var service: String
        var base: String
        var name: String
        var path: String
        var url: String { base + path }
        var isHTTPS: Bool { base.hasPrefix("https:") }
    }

    var targets: [Target] {
        (0..<count).map { index in
            let service = index / 2 + 1
            let base = service % 2 == 1 ? "http://127.0.0.1:\(endpoints.httpPort)" : "https://localhost:\(endpoints.httpsPort)"
            let (name, path) = index % 2 == 0 ? ("health", "/health") : ("ready", "/ready")
            return Target(service: "svc\(service)", base: base, name: name, path: path)
        }
    }

    var httpsCount: Int { targets.filter(\.isHTTPS).count }

    /// The opsdeck.yml of the workload: each service with its base URL, its probes as paths under it.
    var configuration: String {
        var text = "environments:\n  local: {}\nservices:\n"
        var current = ""
        for target in targets {
            if target.service != current {
                current = target.service
                text += "  \(target.service):\n"
                text += "    local: { provider: docker, container: \(target.service), base_url: \"\(target.base)\" }\n"
                text += "    probes:\n"
            }
            let expect = target.name == "ready" ? ", expect: { json: { \"$.status\": ok } }" : ""
            text += "      - { name: \(target.name), url: \(target.path), interval: \(interval)s, timeout: \(timeoutSeconds)s\(expect) }\n"
        }
        return text
    }

    var summary: String {
        "\(count) probes every \(interval) s (\(count - httpsCount) plain HTTP to 127.0.0.1:\(endpoints.httpPort), "
            + "\(httpsCount) HTTPS to localhost:\(endpoints.httpsPort)), timeout \(timeoutSeconds) s"
    }
}
