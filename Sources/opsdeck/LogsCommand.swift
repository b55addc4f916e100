import ArgumentParser

struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Read, normalise and filter structured logs.")
    func run() throws {}
}
