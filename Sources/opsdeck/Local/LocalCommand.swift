import ArgumentParser
import Foundation
import OpsCore

/// `opsdeck local up`: runs the configuration's local services on this machine.
struct LocalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Run the services the configuration places on this machine (provider: local).",
        subcommands: [LocalUpCommand.self]
    )
}

struct LocalUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Start every local service at its configured version and serve its front port, until Ctrl-C.",
        discussion: """
        A local development stack: each service with `provider: local` is started from its \
        `command` at its `version` on a free loopback port, and its `port` on 127.0.0.1 forwards to \
        it once its `ready_path` answers. While it runs, `opsdeck deploy SERVICE --env ENV --version \
        V` (and promote, rollback) from another terminal start the new version beside \
        the old one, switch the front port once it is ready, and stop the old one. Ctrl-C (or \
        SIGTERM) stops every instance it started.

        Exit status: 0 stopped on request; 1 a service could not start (the others keep running \
        until stopped) or the state folder is in use; 2 a usage or configuration error.
        """
    )

    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file.", valueName: "file"))
    var configFile: String?

    @Option(name: .customLong("ready-timeout"), help: ArgumentHelp("How long each service has to answer its ready path.", valueName: "duration"))
    var readyTimeout = "60s"

    func run() throws {
        try ActionCommandSupport.run("local up") {
            let setup = try ActionSetup.load(configFile: configFile, readyTimeout: .seconds(60))
            guard let deadline = ConfigDuration.parse(readyTimeout) else {
                throw ActionStop(.usage, "--ready-timeout wants a duration such as 60s")
            }
            let supervisors = LocalSupervisor.supervisors(for: setup.config, opsdeckStateFolder: setup.settings.stateFolder,
                                                          settings: .init(readyTimeout: deadline))
            guard !supervisors.isEmpty else { throw ActionStop(.usage, "\(setup.configPath) has no service with provider: local") }
            let stack = LocalStack(supervisors: supervisors)
            let signals = StopSignals()
            defer { signals.release() }
            let output = ActionOutput(format: .text)
            let problems = try stack.start { line in output.text(line) }
            output.text("Running; Ctrl-C stops every instance.")
            signals.wait()
            output.text("Stopping…")
            stack.stop()
            output.text("Stopped.")
            return problems == 0 ? .done : .failed
        }
    }
}

/// The supervisors of a configuration, started and stopped together (by `local up` and the demo).
final class LocalStack: Sendable {
    let supervisors: [LocalSupervisor]

    init(supervisors: [LocalSupervisor]) { self.supervisors = supervisors }

    /// Starts them all, telling `report` one line a service; the number of services not serving.
    /// A state folder in use stops everything started so far.
    func start(report: (String) -> Void) throws(ActionStop) -> Int {
        var problems = 0
        for (index, supervisor) in supervisors.enumerated() {
            let started: [LocalSupervisor.Started]
            do {
                started = try supervisor.start()
            } catch {
                for earlier in supervisors[..<index] { earlier.stop() }
                throw ActionStop(.failed, "\(error)")
            }
            for service in started {
                let port = supervisor.targets[service.key]?.port ?? 0
                if let problem = service.problem {
                    problems += 1
                    report(Sanitiser.sanitise("\(service.key): \(problem)"))
                } else if let instance = service.instance {
                    report(Sanitiser.sanitise("\(service.key) \(instance.version) on http://127.0.0.1:\(port) (instance \(instance.id), pid \(instance.pid))"))
                }
            }
        }
        return problems
    }

    func stop() {
        for supervisor in supervisors { supervisor.stop() }
    }
}

/// SIGINT, SIGTERM and SIGHUP taken over from their default of ending the process at once, so
/// that whoever started instances stops them first: `local up` waits for one; the demo checks
/// whether one came while its fleet started, and hands the signals back before the console
/// takes them over.
final class StopSignals: @unchecked Sendable {
    private static let handled = [SIGINT, SIGTERM, SIGHUP]
    private let received = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var arrived = false
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in Self.handled {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                let first = lock.withLock { () -> Bool in
                    defer { arrived = true }
                    return !arrived
                }
                if first { received.signal() }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether a signal has come so far.
    var hasArrived: Bool { lock.withLock { arrived } }

    /// Blocks until a signal comes (at once when one came already).
    func wait() {
        received.wait()
        received.signal()
    }

    /// Back to the default dispositions.
    func release() {
        for source in sources { source.cancel() }
        sources = []
        for number in Self.handled { signal(number, SIG_DFL) }
    }
}
