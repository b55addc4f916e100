import ArgumentParser
import OpsCore

/// `opsdeck rollout promote|abort SERVICE --env ENV`: the Argo Rollout operations of a canary under
/// way (the console's `P` and `X`): ending the pause it waits in, and aborting it.
struct RolloutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollout",
        abstract: "Promote a paused canary step, or abort a canary, of an Argo Rollout.",
        subcommands: [RolloutPromoteCommand.self, RolloutAbortCommand.self]
    )

    /// Plans with the service's canary stepper and runs the plan like `opsdeck deploy`.
    static func run(_ verb: String, _ target: RolloutTarget, options: ActionOptions,
                    plan: @escaping @Sendable (any CanaryStepping, ServiceKey) async throws -> PreparedAction) throws {
        try ActionCommandSupport.runPlanned(verb, service: target.service, environment: target.environment, options: options) { setup, key in
            let stepper = try setup.canaryStepper(service: key.service, environment: key.environment)
            return try ActionPlanning.plan { try await plan(stepper, key) }
        }
    }
}

/// The rollout a `rollout` subcommand acts on.
struct RolloutTarget: ParsableArguments {
    @Argument(help: "The service, as the configuration names it.")
    var service: String

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment of the rollout.", valueName: "name"))
    var environment: String
}

struct RolloutPromoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "End the pause an Argo Rollout's canary waits in; it goes on to its next pause, or to the end.",
        discussion: "Through `kubectl argo rollouts promote` when the plugin is installed, else the same patch of the rollout's status.\n\n\(ActionHelp.exitStatuses)"
    )

    @OptionGroup var target: RolloutTarget
    @OptionGroup var options: ActionOptions

    func run() throws {
        try RolloutCommand.run("promote", target, options: options) { stepper, key in
            try await stepper.stepPromotion(of: key)
        }
    }
}

struct RolloutAbortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abort",
        abstract: "Abort an Argo Rollout's canary: the stable version takes all the pods again.",
        discussion: "The rollout's spec keeps the new version (its phase is Degraded): deploy, or roll back to the stable release, to finish.\n\n\(ActionHelp.exitStatuses)"
    )

    @OptionGroup var target: RolloutTarget
    @OptionGroup var options: ActionOptions

    func run() throws {
        try RolloutCommand.run("abort", target, options: options) { stepper, key in
            try await stepper.abort(of: key)
        }
    }
}
