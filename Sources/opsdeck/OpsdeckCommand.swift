import ArgumentParser

@main
struct OpsdeckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsdeck",
        abstract: "A terminal operations console: services, releases, probes and logs of every environment.",
        version: "0.1.0",
        subcommands: [ConsoleCommand.self, ConfigCommand.self, LogsCommand.self, ViewCommand.self, ProbeCommand.self,
                      JournalCommand.self, DeployCommand.self, RollbackCommand.self, PromoteCommand.self, RestartCommand.self,
                      StatusCommand.self, LocalCommand.self, DemoCommand.self, DockerWaitCommand.self,
                      LocalStepCommand.self, DemoServiceCommand.self, RolloutCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )
}
