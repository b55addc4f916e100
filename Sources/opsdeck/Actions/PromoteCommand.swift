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
        its reference pinned to its image id, so that anything else under that name fails the wait.

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

            // The source's lock, held until the promotion ends: what is promoted cannot change meanwhile.
            var sourceLock: ActionLock?
            var inFlight = PromotionGates.Gate(name: "nothing in flight", passed: true, detail: "\(sourceKey) is not locked")
            do {
                let lock = try ActionLock.acquire(sourceKey, kind: .promote, in: setup.locksFolder, operator: actor)
                sourceLock = lock
                if let takeover = lock.takeover { Self.journalTakeover(takeover, key: sourceKey, setup: setup, actor: actor) }
            } catch let error as ActionLockError {
                guard case .heldBy = error else { throw ActionStop(.failed, "\(error); nothing ran") }
                inFlight = PromotionGates.Gate(name: "nothing in flight", passed: false, detail: "\(error)")
            }
            defer { sourceLock?.release() }

            let snapshot = try ActionPlanning.plan {
                try await sourceDeployer.snapshot(of: sourceKey)
            }
            guard let snapshot else { throw ActionStop(.failed, "\(sourceKey) is not listed by its engine; nothing ran") }
            var gates = PromotionGates()
            gates.gates = [
                PromotionGates.sourceHealth(snapshot),
                PromotionGates.probes(config: setup.config, service: service, environment: from.name),
                PromotionGates.soak(from.soak, snapshot: snapshot, environment: from.name, now: JournalTime.now()),
                inFlight,
            ]
            let output = ActionOutput(format: options.output)
            output.text("Gates of \(service) \(from.name) -> \(to.name):")
            for gate in gates.gates {
                output.text(Sanitiser.sanitise("  [\(gate.passed ? "ok" : "RED")] \(gate.name): \(gate.detail)"))
            }
            let gatesJSON = JSONMember("gates", .array(gates.gates.map { gate in
                .object([JSONMember("gate", .string(gate.name)), JSONMember("passed", .bool(gate.passed)),
                         JSONMember("detail", .string(gate.detail))])
            }))
            let failing = gates.failing
            if !failing.isEmpty && !overrideGates {
                if !output.isText {
                    output.json(.object([gatesJSON, JSONMember("blocked", .bool(true)),
                                         JSONMember("exit_status", .number(String(ActionExit.gateBlocked.rawValue)))]))
                }
                throw ActionStop(.gateBlocked, "blocked by \(failing.map(\.name).joined(separator: ", ")); nothing ran (--override-gates to run anyway)")
            }
            let deployment = try ActionPlanning.plan { try await targetDeployer.promotion(from: snapshot, to: targetKey) }
            var action = HeadlessAction(setup: setup, deployment: deployment, options: options,
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

    /// A stale lock of the source taken over: the journal says so, as the executor does for its own.
    private static func journalTakeover(_ takeover: LockTakeover, key: ServiceKey, setup: ActionSetup, actor: ActionOperator) {
        let entry = JournalEntry(id: UUID().uuidString.lowercased(), time: JournalTime.now(), phase: .lockTakeover,
                                 actor: actor, key: key, kind: .promote, note: takeover.description)
        do {
            try JournalWriter(path: setup.journalPath).append(entry)
        } catch {
            ActionCommandSupport.writeError("opsdeck promote: cannot journal the takeover of \(key)'s lock: \(error)")
        }
    }
}
