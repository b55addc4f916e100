import ArgumentParser
import Foundation
import OpsCore

struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate opsdeck.yml and print what was understood.",
        discussion: """
        Looks for --config FILE, else opsdeck.yml in the working directory, else \
        $XDG_CONFIG_HOME/opsdeck/config.yml (~/.config/opsdeck/config.yml).

        Exit status: 0 when the configuration is valid; 1 when it has issues (each printed on \
        standard error as file:line:column: message) or when none was found.
        """
    )

    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file to check.", valueName: "file"))
    var file: String?

    func run() throws {
        let locator = ConfigLocator.current()
        guard let location = locator.locate(explicit: file) else {
            Self.writeError(ConfigCheckReport.noConfiguration(lookedAt: locator.candidates))
            throw ExitCode(1)
        }
        do {
            let config = try ConfigLoader.load(path: location.path)
            print(ConfigCheckReport(config: config, location: location).lines.joined(separator: "\n"))
        } catch let error as ConfigError {
            Self.writeError(ConfigCheckReport.issues(error, path: location.path))
            throw ExitCode(1)
        }
    }

    private static func writeError(_ lines: [String]) {
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
