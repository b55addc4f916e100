import ArgumentParser
import Foundation
import OpsCore

/// `opsdeck status [--env ENV]`: what every configured service runs, for runbooks and CI.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print what each configured service runs in each environment.",
        discussion: """
        One row per service and environment, in the configuration's order: state, health, replicas \
        up, version, image digest, since when, and what the engine says is wrong. With --output \
        json, one object per line.

        Exit status: 0 when every engine answered; 1 when one could not be read (its services are \
        shown as unknown); 2 for a usage or configuration error.
        """
    )

    @Option(name: .customLong("env"), help: ArgumentHelp("Only this environment.", valueName: "name"))
    var environment: String?

    @Option(help: "text: a table; json: one object per service and environment.")
    var output: ActionOptions.OutputFormat = .text

    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file.", valueName: "file"))
    var configFile: String?

    func run() throws {
        try ActionCommandSupport.run("status") {
            let setup = try ActionSetup.load(configFile: configFile, readyTimeout: .seconds(120))
            let config = setup.config
            if let environment, config.environment(named: environment) == nil {
                throw ActionStop(.usage, "no environment \(environment) (the configuration has: \(config.environments.map(\.name).joined(separator: ", ")))")
            }
            var keys: [ServiceKey] = []
            for service in config.services {
                for name in service.targets.keys where environment == nil || name == environment {
                    keys.append(ServiceKey(service: service.name, environment: name))
                }
            }
            // Every provider the console reads (Docker engines, kube contexts, local stacks), listed at once.
            let providers = ProviderSet(ConsoleSetup.configured(config, at: ConfigLocation(path: setup.configPath, origin: .commandLine),
                                                                runner: setup.runner, timeout: .seconds(10)).providers)
            let listed = BlockingWait.run { await providers.services() } ?? ProviderSet.Listing()
            var snapshots: [ServiceKey: ServiceSnapshot] = [:]
            for snapshot in listed.services { snapshots[snapshot.key] = snapshot }
            let order = config.environments.map(\.name)
            keys.sort { a, b in
                let ia = order.firstIndex(of: a.environment) ?? order.count
                let ib = order.firstIndex(of: b.environment) ?? order.count
                return (ia, a.service) < (ib, b.service)
            }
            let sink = ActionOutput(format: output)
            var rows: [[String]] = [["SERVICE", "ENV", "STATE", "HEALTH", "UP", "VERSION", "DIGEST", "SINCE", "NOTE"]]
            for key in keys {
                let snapshot = snapshots[key]
                let note = snapshot?.note ?? (snapshot == nil ? "its platform could not be read" : "")
                if sink.isText {
                    rows.append([key.service, key.environment, snapshot?.state.word ?? "unknown", snapshot?.health.word ?? "",
                                 snapshot.map { "\($0.replicasUp)/\($0.replicas.count)" } ?? "",
                                 snapshot?.image?.version ?? "",
                                 snapshot?.image?.digest.map(ImageReference.shortDigest) ?? "",
                                 snapshot?.updatedAt?.rfc3339Milliseconds ?? "", note].map { Sanitiser.sanitise($0) })
                } else {
                    sink.json(.object([
                        JSONMember("service", .string(key.service)), JSONMember("environment", .string(key.environment)),
                        JSONMember("state", .string(snapshot?.state.word ?? "unknown")),
                        JSONMember("health", ActionJSON.string(snapshot?.health.word)),
                        JSONMember("replicas_up", ActionJSON.number(snapshot?.replicasUp)),
                        JSONMember("replicas", ActionJSON.number(snapshot?.replicas.count)),
                        JSONMember("version", ActionJSON.string(snapshot?.image?.version)),
                        JSONMember("image", ActionJSON.string(snapshot?.image?.reference)),
                        JSONMember("digest", ActionJSON.string(snapshot?.image?.digest)),
                        JSONMember("since", ActionJSON.string(snapshot?.updatedAt?.rfc3339Milliseconds)),
                        JSONMember("note", note.isEmpty ? .null : .string(note)),
                    ]))
                }
            }
            if sink.isText {
                let widths = rows.reduce(into: [Int](repeating: 0, count: rows[0].count)) { widths, row in
                    for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
                }
                for row in rows {
                    let cells = row.enumerated().map { index, cell in
                        index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    }
                    sink.text(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
                }
            }
            for failure in listed.failures { ActionCommandSupport.writeError("opsdeck status: \(failure)") }
            return listed.failures.isEmpty ? .done : .failed
        }
    }
}
