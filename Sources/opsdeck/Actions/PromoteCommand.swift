import ArgumentParser
import Foundation
import OpsCore

/// `opsdeck promote SERVICE [--from ENV --to ENV]`.
struct PromoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Run what one environment runs (the same image, by content) in the next one.",
        discussion: """
        Without --from and --to: from the first environment of the configuration to the next. With \
        one of them, the other is its neighbour in the configuration's order. The image goes by its \
        registry digest (repo@sha256:…) when it has one; an image only local to the engine goes by \
        its reference pinned to its image id, so that anything else under that name fails the wait. \
        On Kubernetes the digest is the one the source's pods report, and the two environments may \
        be different clusters.

        Gates, checked first: the source's containers run and none is unhealthy; the source's probes \
        pass (run once now); the version has run in the source for its soak (the environment's \
        `soak:` setting, e.g. soak: 30m; off when unset); no other action holds the source's lock \
        (the promotion then holds it until it ends). A red gate blocks with exit status 3, also with \
        --dry-run; --override-gates runs anyway and journals which gates were overridden, by whom.

        \(ActionHelp.exitStatuses)
        """
    )

    @Argument(help: "The service, as the configuration names it.")
    var service: String

    @Option(name: .customLong("from"), help: ArgumentHelp("The environment to promote from.", valueName: "name"))
    var source: String?

    @Option(name: .customLong("to"), help: ArgumentHelp("The environment to promote to.", valueName: "name"))
    var target: String?

    @Flag(name: .customLong("override-gates"), help: "Run even when a gate is red; the override is journalled.")
    var overrideGates = false

    @OptionGroup var options: ActionOptions

    func run() throws {
        try ActionCommandSupport.run("promote") {
            let setup = try ActionSetup.load(configFile: options.configFile, readyTimeout: try options.readyDeadline())
            let (from, to) = try environments(in: setup.config)
            let targetEnvironment = try setup.changeableEnvironment(to.name)
            let sourceDeployer = try setup.deployer(service: service, environment: from.name)
            let targetDeployer = try setup.deployer(service: service, environment: to.name)
            let sourceKey = ServiceKey(service: service, environment: from.name)
            let targetKey = ServiceKey(service: service, environment: to.name)
            let actor = ActionOperator.current()
            let config = setup.config, service = self.service
            let judges = PromotionPreparation.Judges(
                probes: { await PromotionGates.probes(config: config, service: service, environment: from.name) },
                metrics: { await PromotionGates.metrics(config: config, service: service, environment: from.name) })
            let promotion = try ActionPlanning.plan {
                try await PromotionPreparation.prepare(source: sourceKey, target: targetKey, sourceChanger: sourceDeployer,
                                                       targetChanger: targetDeployer, soak: from.soak, judges: judges,
                                                       locksFolder: setup.locksFolder,
                                                       journal: JournalWriter(path: setup.journalPath), operator: actor)
            }
            // The source's lock is held until the promotion ends: what is promoted cannot change meanwhile.
            defer { promotion.release() }
            let gates = promotion.gates
            let output = ActionOutput(format: options.output)
            output.text("Gates of \(service) \(from.name) -> \(to.name):")
            for gate in gates {
                output.text(Sanitiser.sanitise("  [\(gate.passed ? "ok" : "RED")] \(gate.name): \(gate.detail)"))
            }
            let gatesJSON = JSONMember("gates", .array(gates.map { gate in
                .object([JSONMember("gate", .string(gate.name)), JSONMember("passed", .bool(gate.passed)),
                         JSONMember("detail", .string(gate.detail))])
            }))
            let failing = promotion.failing
            if !failing.isEmpty && !overrideGates {
                if !output.isText {
                    output.json(.object([gatesJSON, JSONMember("blocked", .bool(true)),
                                         JSONMember("exit_status", .number(String(ActionExit.gateBlocked.rawValue)))]))
                }
                throw ActionStop(.gateBlocked, "blocked by \(failing.map(\.name).joined(separator: ", ")); nothing ran (--override-gates to run anyway)")
            }
            var action = HeadlessAction(setup: setup, deployment: promotion.action, options: options,
                                        protected: targetEnvironment.protected, operatorIdentity: actor)
            action.extraJSON = [gatesJSON]
            if !failing.isEmpty {
                action.gateOverride = JournalEntry.GateOverride(gates: failing.map { "\($0.name): \($0.detail)" },
                                                                by: actor.userAtHost)
            }
            return try action.run()
        }
    }

    /// --from and --to, each filled in from the other through the configuration's order.
    private func environments(in config: OpsdeckConfig) throws(ActionStop) -> (EnvironmentConfig, EnvironmentConfig) {
        func named(_ name: String) throws(ActionStop) -> EnvironmentConfig {
            guard let environment = config.environment(named: name) else {
                throw ActionStop(.usage, "no environment \(name) (the configuration has: \(config.environments.map(\.name).joined(separator: ", ")))")
            }
            return environment
        }
        switch (source, target) {
        case (let source?, let target?):
            guard source != target else { throw ActionStop(.usage, "--from and --to name the same environment") }
            return (try named(source), try named(target))
        case (let source?, nil):
            let from = try named(source)
            guard let next = config.environment(after: from.name) else {
                throw ActionStop(.usage, "\(source) is the last environment: nothing to promote to (give --to)")
            }
            return (from, next)
        case (nil, let target?):
            let to = try named(target)
            guard let index = config.environments.firstIndex(where: { $0.name == to.name }), index > 0 else {
                throw ActionStop(.usage, "\(target) is the first environment: nothing to promote from (give --from)")
            }
            return (config.environments[index - 1], to)
        case (nil, nil):
            guard let first = config.environments.first, let next = config.environment(after: first.name) else {
                throw ActionStop(.usage, "the configuration has one environment: nothing to promote to")
            }
            return (first, next)
        }
    }
}
