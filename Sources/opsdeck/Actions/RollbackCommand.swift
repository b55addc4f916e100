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
        else by its tag, pinned to the image id the release had; on Kubernetes, `rollout undo \
        --to-revision` of the release's ReplicaSet revision. Runs like `opsdeck deploy`.

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
        let named = release
        try ActionCommandSupport.runPlanned("rollback", service: service, environment: environment, options: options) { setup, key in
            let deployer = try setup.deployer(service: key.service, environment: key.environment)
            let failed = named == nil ? Self.failedVersions(of: key, in: setup.journalHistory()) : []
            return try ActionPlanning.plan { try await Self.plan(key, to: named, deployer: deployer, failedVersions: failed) }
        }
    }

    /// Back to the release `named` (a version, reference or id), or by default to the newest one
    /// older than the live one that is not known to have failed.
    static func plan(_ key: ServiceKey, to named: String?, deployer: any ServiceChanging,
                     failedVersions: Set<String>) async throws -> PreparedAction {
        let releases = try await deployer.releases(of: key)
        let target = if let named {
            try RollbackChoice.release(named: named, in: releases)
        } else {
            try RollbackChoice.defaultRelease(in: releases, failedVersions: failedVersions)
        }
        return try await deployer.rollback(of: key, to: target)
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
