import ArgumentParser
import OpsCore

/// The options every headless action shares.
struct ActionOptions: ParsableArguments {
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Flag(help: "Run without asking. Without it, opsdeck asks on a terminal and refuses without one.")
    var yes = false

    @Flag(name: .customLong("dry-run"), help: "Print the plan (every command) and run nothing.")
    var dryRun = false

    @Option(help: "text: the plan and each step as it runs; json: one object with the plan or the outcome.")
    var output: OutputFormat = .text

    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file.", valueName: "file"))
    var configFile: String?

    @Option(name: .customLong("ready-timeout"),
            help: ArgumentHelp("How long the new containers have to run and turn healthy (e.g. 90s, 5m).", valueName: "duration"))
    var readyTimeout = "120s"

    func readyDeadline() throws(ActionStop) -> Duration {
        guard let duration = ConfigDuration.parse(readyTimeout) else {
            throw ActionStop(.usage, "--ready-timeout wants a duration such as 90s or 5m, not \(readyTimeout)")
        }
        return duration
    }
}
