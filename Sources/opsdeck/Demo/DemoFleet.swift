import OpsCore

/// The configuration `opsdeck demo` runs: `api`, `web` and `worker` in `staging` and
/// `production`, each a local service running the demo service of this very binary with a logger
/// of its own, probed on its front port. Written out as YAML, so that `--print-config` shows a
/// user a whole, working `opsdeck.yml` to learn from.
struct DemoFleet {
    /// One demo service and the logger whose shape its lines take.
    struct Member {
        var service: String
        var logger: String
    }

    static let members = [Member(service: "api", logger: "pino"), Member(service: "web", logger: "winston"),
                          Member(service: "worker", logger: "structlog")]
    static let environments = ["staging", "production"]
    /// 1.5.0 is the version whose error rate rises, to try the promotion gates and the rollback on.
    static let versions = ["1.5.0", "1.4.1", "1.4.0"]
    static let startVersion = "1.4.0"

    /// The executable and leading arguments of the demo service (`opsdeck demo-service`).
    var serviceCommand: [String]
    /// Where everything of this run goes: the journal, the local state.
    var folder: String
    /// The front port of each member in each environment, by `service/environment`.
    var ports: [String: Int]

    static func portKey(_ service: String, _ environment: String) -> String { "\(service)/\(environment)" }

    var yaml: String {
        var lines = [
            "# opsdeck demo: three services in two environments, run as processes on this machine",
            "# by the local provider. Everything of this run lives under \(folder).",
            "journal_path: \(Self.quoted(folder + "/journal.jsonl"))",
            "local:",
            "  state: \(Self.quoted(folder + "/local"))",
            "environments:",
            "  staging:",
            "    soak: 30s           # a version runs here this long before it may be promoted",
            "  production:",
            "    protected: true     # deploys here ask for the service name to be typed",
            "services:",
        ]
        for member in Self.members {
            lines.append("  \(member.service):")
            for environment in Self.environments {
                let argv = serviceCommand + ["--service", member.service, "--environment", environment, "--version", "{version}",
                                             "--port", "{port}", "--logger", member.logger]
                lines.append("    \(environment):")
                lines.append("      provider: local")
                lines.append("      command: [" + argv.map(Self.quoted).joined(separator: ", ") + "]")
                lines.append("      version: \(Self.startVersion)")
                lines.append("      versions: [" + Self.versions.joined(separator: ", ") + "]")
                lines.append("      port: \(ports[Self.portKey(member.service, environment)] ?? 0)")
                lines.append("      ready_path: /ready")
            }
            lines.append("    probes:")
            lines.append("      - { name: health, url: /health, interval: 2s, timeout: 1s, expect: { status: 200, max_ms: 500 } }")
            lines.append("      - { name: ready, url: /ready, interval: 2s, timeout: 1s, expect: { status: 200 } }")
            lines += Self.metricLines(for: member)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each service's metrics, read from its own `/metrics` page (no Prometheus needed): the error
    /// ratio the promotion gate and the watch window judge, and the request rate.
    static func metricLines(for member: Member) -> [String] {
        ["    metrics:",
         "      error_rate: { scrape: http_error_ratio, warn: 0.05, critical: 0.2 }",
         "      rps: { scrape: rate(http_requests_total) }"]
    }

    /// A YAML double-quoted scalar: paths and argv items may hold anything.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
