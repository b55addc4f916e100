import ArgumentParser
import OpsCore

/// `opsdeck restart SERVICE --env ENV`.
struct RestartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restart",
        abstract: "Start the version a service runs afresh: new replicas of the same image.",
        discussion: """
        Kubernetes deployments: `kubectl rollout restart`, the change-cause recorded, then `rollout \
        status` until the new pods are ready; if they do not come up, the revision that ran before \
        is put back. Runs like `opsdeck deploy`: the plan first, a confirmation, the service's lock \
        and the journal.

        \(ActionHelp.exitStatuses)
        """
    )

    @Argument(help: "The service, as the configuration names it.")
    var service: String

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment to restart it in.", valueName: "name"))
    var environment: String

    @OptionGroup var options: ActionOptions

    func run() throws {
        try ActionCommandSupport.runPlanned("restart", service: service, environment: environment, options: options) { setup, key in
            let restarter = try setup.restarter(service: key.service, environment: key.environment)
            return try ActionPlanning.plan { try await restarter.restart(of: key) }
        }
    }
}
