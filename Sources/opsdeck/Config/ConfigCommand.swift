import ArgumentParser

/// `opsdeck config ...`: commands about opsdeck.yml.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the configuration (opsdeck.yml).",
        subcommands: [ConfigCheckCommand.self]
    )
}
