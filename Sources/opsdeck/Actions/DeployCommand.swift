import ArgumentParser
import OpsCore

/// `opsdeck deploy SERVICE --env ENV --version V`.
struct DeployCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy a version of a service to one environment.",
        discussion: """
        Plans the deploy (every command, shown before anything runs), asks for confirmation (a \
        protected environment wants the service name typed), then runs it step by step under the \
        service's lock, journalling each step before and after it. A single container is recreated \
        from its own settings with the new image; the old one is kept aside until the new one runs \
        and is healthy, and put back if it does not. A compose service gets the new image through an \
        override file in opsdeck's state folder and `up -d --no-deps` of that service alone. A \
        Kubernetes deployment gets `kubectl set image` of its container, the change-cause, then \
        `rollout status`; the revision before is put back if the rollout does not complete.

        --version is a tag of the repository the service runs (1.5.0) or a whole image reference.

        \(ActionHelp.exitStatuses)
        """
    )

    @Argument(help: "The service, as the configuration names it.")
    var service: String

    @Option(name: .customLong("env"), help: ArgumentHelp("The environment to deploy to.", valueName: "name"))
    var environment: String

    @Option(help: ArgumentHelp("The tag or image reference to deploy.", valueName: "version"))
    var version: String

    @OptionGroup var options: ActionOptions

    func run() throws {
        let version = self.version
        try ActionCommandSupport.runPlanned("deploy", service: service, environment: environment, options: options) { setup, key in
            let deployer = try setup.deployer(service: key.service, environment: key.environment)
            return try ActionPlanning.plan { try await deployer.deployment(for: key, version: version) }
        }
    }
}

enum ActionHelp {
    static let exitStatuses = """
        Exit status: 0 done (or, with --dry-run, the plan printed); 1 a step failed or the new \
        containers did not become healthy; 2 a usage or configuration error, a read-only \
        configuration or environment, or no confirmation (no terminal and no --yes); 3 a promotion \
        gate is red; 4 another action holds the service's lock; 5 a step or the wait for health \
        timed out.
        """
}
