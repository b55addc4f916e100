import Foundation
import OpsCore

/// What a headless action needs before planning: the configuration, the environment and service it
/// names, the deployer of that service's platform, where the journal and the locks are.
struct ActionSetup {
    let config: OpsdeckConfig
    let configPath: String
    let journalPath: String
    let locksFolder: String
    let settings: ActionSettings
    let runner: any CommandRunner

    /// Loads the configuration (`--config`, else the usual places). Every failure is a usage or
    /// configuration error: exit 2.
    static func load(configFile: String?, readyTimeout: Duration, runner: any CommandRunner = LiveCommandRunner())
        throws(ActionStop) -> ActionSetup {
        let locator = ConfigLocator.current()
        guard let location = locator.locate(explicit: configFile) else {
            throw ActionStop(.usage, ConfigCheckReport.noConfiguration(lookedAt: locator.candidates).joined(separator: "\n"))
        }
        let config: OpsdeckConfig
        do {
            config = try ConfigLoader.load(path: location.path)
        } catch let error as ConfigError {
            throw ActionStop(.usage, ConfigCheckReport.issues(error, path: location.path).joined(separator: "\n"))
        } catch {
            throw ActionStop(.usage, "\(location.path): \(error)")
        }
        return try make(config: config, configPath: location.path, readyTimeout: readyTimeout, runner: runner)
    }

    /// The setup of a configuration already loaded (the console's).
    static func make(config: OpsdeckConfig, configPath: String, readyTimeout: Duration,
                     runner: any CommandRunner) throws(ActionStop) -> ActionSetup {
        let paths = StatePaths.current()
        let folder = URL(fileURLWithPath: configPath).deletingLastPathComponent().path
        guard let journal = paths.journal(configured: config.journalPath, configFolder: folder),
              let state = paths.opsdeckFolder, let ownLocks = paths.locksFolder else {
            throw ActionStop(.usage, "no place for opsdeck's journal and locks: set XDG_STATE_HOME or HOME")
        }
        // A configured journal is a team's shared one: the locks go beside it, so everyone acting
        // through that configuration (two engineers on one bastion, each with their own home) is
        // stopped by the same locks. Without one, the locks are this user's.
        let locks = config.journalPath == nil ? ownLocks
            : URL(fileURLWithPath: journal).deletingLastPathComponent().appendingPathComponent("locks").path
        let settings = ActionSettings(opsdeckExecutable: Self.ownExecutable(), stateFolder: state,
                                            readyTimeout: readyTimeout)
        return ActionSetup(config: config, configPath: configPath, journalPath: journal, locksFolder: locks,
                           settings: settings, runner: runner)
    }

    /// The environment `name`, which must allow changes.
    func changeableEnvironment(_ name: String) throws(ActionStop) -> EnvironmentConfig {
        guard let environment = config.environment(named: name) else {
            throw ActionStop(.usage, "no environment \(name) in \(configPath) (it has: \(config.environments.map(\.name).joined(separator: ", ")))")
        }
        if config.readOnly {
            throw ActionStop(.usage, "\(configPath) is read-only (read_only: true): no deploy, promote, rollback or restart")
        }
        if environment.readOnly {
            throw ActionStop(.usage, "environment \(name) is read-only (read_only: true): no deploy, promote, rollback or restart there")
        }
        return environment
    }

    /// The deployer of `service` in `environment`, by the platform it runs on.
    func deployer(service: String, environment: String) throws(ActionStop) -> any ServiceChanging {
        try chosen(service: service, environment: environment) { key, target in
            try ServiceChangers.changer(for: key, target: target, settings: settings, runner: runner)
        }
    }

    /// The restarter of `service` in `environment`, when its platform can restart it.
    func restarter(service: String, environment: String) throws(ActionStop) -> any Restarting {
        try chosen(service: service, environment: environment) { key, target in
            try ServiceChangers.restarter(for: key, target: target, settings: settings, runner: runner)
        }
    }

    /// What ends the pause of, or aborts, the canary of `service` in `environment` (an Argo Rollout).
    func canaryStepper(service: String, environment: String) throws(ActionStop) -> any CanaryStepping {
        try chosen(service: service, environment: environment) { key, target in
            try ServiceChangers.canaryStepper(for: key, target: target, settings: settings, runner: runner)
        }
    }

    /// What `choose` makes of the service's target; its refusal is a usage error in its words.
    private func chosen<Chosen>(service: String, environment: String,
                                _ choose: (ServiceKey, ProviderTarget) throws -> Chosen) throws(ActionStop) -> Chosen {
        let target = try target(service: service, environment: environment)
        do {
            return try choose(ServiceKey(service: service, environment: environment), target)
        } catch {
            throw ActionStop(.usage, "\(error)")
        }
    }

    /// Where the configuration places `service` in `environment`.
    private func target(service: String, environment: String) throws(ActionStop) -> ProviderTarget {
        guard let serviceConfig = config.service(named: service) else {
            throw ActionStop(.usage, "no service \(service) in \(configPath) (it has: \(config.services.map(\.name).joined(separator: ", ")))")
        }
        guard let target = serviceConfig.target(in: environment) else {
            throw ActionStop(.usage, "service \(service) does not run in \(environment) according to \(configPath)")
        }
        return target
    }

    /// The journal history; its damaged lines are reported on standard error, never fatal.
    func journalHistory() -> JournalHistory? {
        do {
            let history = try JournalReader.history(path: journalPath)
            for problem in history.problems {
                ActionCommandSupport.writeError("opsdeck: \(journalPath): \(problem) (skipped)")
            }
            return history
        } catch {
            ActionCommandSupport.writeError("opsdeck: cannot read the journal: \(error)")
            return nil
        }
    }

    /// This executable by its absolute path (the wait step runs it again), else `opsdeck` from PATH.
    static func ownExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "opsdeck"
    }
}
