import ArgumentParser
import OpsDemo

extension DemoLoggerShape: ExpressibleByArgument {}
extension DemoBehaviourChoice: ExpressibleByArgument {}

/// `opsdeck demo-service`: one service of the demo fleet, run by `opsdeck demo` (hidden: it is a
/// part of the demo, not a tool of its own).
struct DemoServiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-service",
        abstract: "Run one demo service: /health, /ready, /metrics and JSON logs on stdout, on 127.0.0.1.",
        shouldDisplay: false
    )

    @Option(help: "The service's name (api, web, worker).")
    var service: String

    @Option(help: "The environment it runs in (staging, production).")
    var environment: String

    @Option(help: "The version it runs; with --behaviour auto, 1.5 and later degrade.")
    var version: String

    @Option(help: "The port to listen on at 127.0.0.1; 0 for a free one.")
    var port: Int

    @Option(name: .customLong("port-file"), help: "Write the port listened on here (digits and a newline), atomically.")
    var portFile: String?

    @Option(help: "The JSON log shape: \(DemoLoggerShape.allCases.map(\.rawValue).joined(separator: ", ")).")
    var logger: DemoLoggerShape = .pino

    @Option(help: "auto (by version), healthy or degrading.")
    var behaviour: DemoBehaviourChoice = .auto

    @Option(name: .customLong("time-scale"), help: "Run the behaviour's clock this many times faster.")
    var timeScale: Double = 1

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard timeScale.isFinite, timeScale > 0, timeScale <= 10_000 else {
            throw ValidationError("--time-scale must be a number above 0 and at most 10000")
        }
        for (flag, value) in [("--service", service), ("--environment", environment), ("--version", version)]
        where value.isEmpty || value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw ValidationError("\(flag) must be a non-empty name without control characters")
        }
    }

    func run() throws {
        let settings = DemoServiceSettings(
            identity: DemoIdentity(service: service, environment: environment, version: version), port: port,
            portFile: portFile, logger: logger, behaviour: behaviour, timeScale: timeScale)
        do {
            try DemoServiceRun.run(settings)
        } catch {
            throw StartFailure(message: error.description)
        }
    }
}

/// A failure to start, said on stderr with exit status 1.
private struct StartFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { "opsdeck demo-service: \(message)" }
}
