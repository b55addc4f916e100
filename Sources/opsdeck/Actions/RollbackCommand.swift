import ArgumentParser
import OpsCore

/// `opsdeck rollback SERVICE --env ENV [--to RELEASE]`.
struct RollbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Roll a service in one environment back to an earlier release.",
        discussion: """
        Without --to: the newest release older than the live one that is not known to have failed \
        (a deploy of it that the journal records as failed). --to names a release by version (tag), \
        image reference or image id. The image is deployed by its registry digest when it has one, \
        else by its tag, pinned to the image id the release had. Runs like `opsdeck deploy`.

        \(ActionHelp.exitStatuses)
        """
    )

    @Argument(help: "The service, as the configuration names it.")
    var service: String

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment to roll back.", valueName: "name"))
    var environment: String

    @Option(name: .customLong("to"), help: ArgumentHelp("The release to go back to.", valueName: "release"))
    var release: String?

    @OptionGroup var options: ActionOptions

    func run() throws {
        try ActionCommandSupport.run("rollback") {
            let setup = try ActionSetup.load(configFile: options.configFile, readyTimeout: try options.readyDeadline())
            let environmentConfig = try setup.changeableEnvironment(environment)
            let deployer = try setup.deployer(service: service, environment: environment)
            let key = ServiceKey(service: service, environment: environment)
            let failed = release == nil ? Self.failedVersions(of: key, in: setup.journalHistory()) : []
            let named = release
            let deployment = try ActionPlanning.plan {
                let releases = try await deployer.releases(of: key)
                let target: Release
                if let named {
                    target = try RollbackChoice.release(named: named, in: releases)
                } else {
                    target = try RollbackChoice.defaultRelease(in: releases, failedVersions: failed)
                }
                return try await deployer.rollback(of: key, to: target)
            }
            return try HeadlessAction(setup: setup, deployment: deployment, options: options,
                                      protected: environmentConfig.protected).run()
        }
    }

    /// The versions whose last deploy, promote or rollback to `key` did not end well.
    static func failedVersions(of key: ServiceKey, in history: JournalHistory?) -> Set<String> {
        var last: [String: JournalEntry.Outcome] = [:]
        for action in history?.actions ?? [] where action.key == key {
            guard let version = action.to.version else { continue }
            last[version] = action.outcome
        }
        return Set(last.filter { $0.value != .ok }.keys)
    }
}
