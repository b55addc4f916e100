import ArgumentParser
import Foundation

/// The headless actions document exit status 2 for a usage error, which runbooks and CI branch on;
/// ArgumentParser ends a usage error with 64 (EX_USAGE). This is ArgumentParser's own `main`, with
/// that one status changed for `deploy`, `rollback`, `promote` and `status`; every other
/// subcommand ends as before.
extension OpsdeckCommand {
    static let actionSubcommands: Set<String> = [DeployCommand.configuration.commandName, RollbackCommand.configuration.commandName,
                                                 PromoteCommand.configuration.commandName, StatusCommand.configuration.commandName]
        .reduce(into: []) { names, name in if let name { names.insert(name) } }

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let arguments = CommandLine.arguments.dropFirst()
            if exitCode(for: error) == .validationFailure, let first = arguments.first, actionSubcommands.contains(first) {
                ActionCommandSupport.writeError(fullMessage(for: error))
                Foundation.exit(ActionExit.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
