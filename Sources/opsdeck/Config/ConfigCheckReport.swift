import OpsCore
import OpsUI

/// What `opsdeck config check` prints: plain text, every name from the file sanitised.
struct ConfigCheckReport {
    let config: OpsdeckConfig
    let location: ConfigLocation

    var lines: [String] {
        var lines = ["\(shown(location.path)): valid (\(Self.origin(location.origin)))", ""]
        lines.append("Environments, in promotion order:")
        lines += Self.table(config.environments.enumerated().map { index, environment in
            ["\(index + 1). \(shown(environment.name))", Self.settings(of: environment)]
        })
        lines += ["", "Services:"]
        lines += Self.table(config.services.flatMap(serviceRows))
        lines.append("")
        if config.readOnly { lines.append("Read-only everywhere (read_only: true): no deploy, promote or rollback.") }
        lines.append("Journal: " + (config.journalPath.map(shown) ?? "the default place"))
        if let alerts = Self.alerts(config.alerts) { lines.append("Alerts: " + alerts) }
        return lines
    }

    /// `bell; on_alert notify-chat --channel ops (within 10s)`, nil when `alerts:` sets nothing.
    private static func alerts(_ alerts: AlertsConfig) -> String? {
        var words: [String] = []
        if alerts.bell { words.append("bell") }
        if let argv = alerts.onAlert {
            let command = argv.map { shown(ShellQuoting.quote($0)) }.joined(separator: " ")
            words.append("on_alert \(command) (within \(ConfigDuration.format(alerts.hookTimeout)))")
        }
        return words.isEmpty ? nil : words.joined(separator: "; ")
    }

    /// One row per environment the service runs in (service, environment, provider, target in
    /// words), then its probes and metrics.
    private func serviceRows(_ service: ServiceConfig) -> [[String]] {
        let name = shown(service.name)
        var rows = config.environments.compactMap { environment -> [String]? in
            guard let target = service.target(in: environment.name) else { return nil }
            var words = target.summary
            if let baseURL = service.targetBaseURLs[environment.name] { words += ", base_url \(shown(baseURL))" }
            return [name, shown(environment.name), target.provider, words]
        }
        let probes = service.probes.map { "\(shown($0.name)) (\(Self.check($0)))" }
        rows.append([name, "probes", "\(probes.count)", probes.isEmpty ? "none" : probes.joined(separator: ", ")])
        let metrics = service.metrics.map { shown($0.name) }
        rows.append([name, "metrics", "\(metrics.count)", metrics.isEmpty ? "none" : metrics.joined(separator: ", ")])
        return rows
    }

    private static func check(_ probe: ProbeConfig) -> String {
        let every = "every " + ConfigDuration.format(probe.interval)
        switch probe.check {
        case .http(let http): return "\(http.method) \(shown(http.url)), \(every)"
        case .tcp(let host, let port): return "tcp \(shown(host)):\(port), \(every)"
        case .command(let argv): return "command \(shown(argv.joined(separator: " "))), \(every)"
        }
    }

    private static func settings(of environment: EnvironmentConfig) -> String {
        var words: [String] = []
        if environment.protected { words.append("protected") }
        if environment.readOnly { words.append("read-only") }
        if environment.autoRollback { words.append("auto-rollback") }
        if let soak = environment.soak { words.append("soak " + ConfigDuration.format(soak)) }
        if environment.watch != EnvironmentConfig.defaultWatch { words.append("watch " + ConfigDuration.format(environment.watch)) }
        if let prometheus = environment.prometheus {
            let credentials = switch prometheus.credentials {
            case .bearerTokenEnvironment(let name)?: " (bearer token from $\(name))"
            case .basicAuthEnvironment(let name)?: " (basic auth from $\(name))"
            case nil: ""
            }
            words.append("prometheus \(shown(prometheus.url))\(credentials)")
        }
        if let context = environment.docker.context { words.append("docker context \(shown(context))") }
        if let host = environment.docker.host { words.append("docker host \(shown(host))") }
        let kubernetes = [environment.kubernetes.context.map { "context \(shown($0))" },
                          environment.kubernetes.namespace.map { "namespace \(shown($0))" }].compactMap { $0 }
        if !kubernetes.isEmpty { words.append("kubernetes " + kubernetes.joined(separator: ", ")) }
        return words.isEmpty ? "-" : words.joined(separator: "; ")
    }

    private static func origin(_ origin: ConfigLocation.Origin) -> String {
        switch origin {
        case .commandLine: "given with --config"
        case .workingDirectory: "found in the working directory"
        case .userConfig: "found in the user's configuration folder"
        }
    }

    /// Rows as columns two spaces apart, each as wide as its widest cell (the last left ragged).
    private static func table(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in
            rows.map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0
        }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : DisplayWidth.padded(cell, to: widths[column])
            }
            return "  " + cells.joined(separator: "  ")
        }
    }

    // MARK: - Failures

    /// Every issue, then a count, for standard error.
    static func issues(_ error: ConfigError, path: String) -> [String] {
        let total = error.issues.count + error.unlisted
        return error.lines.map { Sanitiser.sanitise($0) }
            + ["opsdeck: \(shown(path)) has \(total) issue\(total == 1 ? "" : "s")"]
    }

    /// Where opsdeck looked, and an example to start from, for standard error.
    static func noConfiguration(lookedAt candidates: [ConfigLocation]) -> [String] {
        ["opsdeck: no configuration found; looked for:"]
            + candidates.map { "  \(shown($0.path))" }
            + ["Without one, opsdeck discovers what it can reach (the local Docker engine, the current kube context).",
               "To describe your environments and services, write opsdeck.yml, for example:", ""]
            + ConfigExample.minimal.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
    }
}

private func shown(_ text: String) -> String { Sanitiser.sanitise(text) }
