import ArgumentParser
import Foundation
import OpsCore

/// `opsdeck demo`: the whole console on a fresh machine in one command. A fleet of demo services
/// runs as local processes in a temporary folder, the console opens on it, and quitting stops
/// every process and removes the folder.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try opsdeck on a fleet of demo services run on this machine; quitting stops them all.",
        discussion: """
        Starts api, web and worker in staging and production (the demo service of this binary, each \
        with a logger of its own, on free loopback ports) under a fresh temporary folder that also \
        holds the journal and the locks, so nothing of your own opsdeck state is touched; then opens \
        the console on them. Version 1.5.0 degrades after its deploy: deploy it to staging, watch the \
        probes turn red, try to promote, roll back (the headless commands work on the demo too, with \
        the --config of the folder it prints as it starts). Quitting the console stops every process the demo \
        started and removes the folder. --print-config shows the opsdeck.yml it runs.
        """
    )

    @Flag(name: .customLong("print-config"), help: "Print the configuration the demo runs, and run nothing.")
    var printConfig = false

    @Option(help: "Theme: default, light, high-contrast, mono.")
    var theme = "default"

    @Option(name: .customLong("service-command"), help: ArgumentHelp("An executable to run instead of `opsdeck demo-service`, with the same flags.", visibility: .hidden))
    var serviceCommand: String?

    @Option(name: .customLong("time-scale"), help: ArgumentHelp("Runs the demo services' clocks this many times faster (tests).", visibility: .hidden))
    var timeScale: Double?

    func run() throws {
        do {
            try runDemo()
        } catch let failure as DemoFailure {
            ActionCommandSupport.writeError("opsdeck demo: \(failure)")
            throw ExitCode.failure
        }
    }

    private func runDemo() throws {
        let executable = ActionSetup.ownExecutable()
        let command = (serviceCommand.map { [$0] } ?? [executable, "demo-service"])
            + (timeScale.map { ["--time-scale", String($0)] } ?? [])
        if printConfig {
            let sample = DemoFleet(serviceCommand: command, folder: NSTemporaryDirectory() + "opsdeck-demo-XXXXXX",
                                   ports: try DemoPorts.pick())
            print(sample.yaml, terminator: "")
            return
        }
        let run = try DemoRun.prepare(serviceCommand: command)
        defer { run.remove() }
        // From here on this process and every step it runs use the demo's journal, locks and state.
        setenv("XDG_STATE_HOME", run.stateHome, 1)
        let stack: LocalStack
        do {
            let config = try ConfigLoader.load(path: run.configPath)
            stack = LocalStack(supervisors: LocalSupervisor.supervisors(for: config, opsdeckStateFolder: run.stateHome + "/opsdeck"))
        } catch {
            throw DemoFailure("the demo's configuration is not valid: \(error)")
        }
        print("Starting the demo fleet under \(run.folder)…")
        // Until the console takes them over, a Ctrl-C must stop the fleet, not orphan it.
        let signals = StopSignals()
        let problems: Int
        do {
            problems = try stack.start { print("  " + $0) }
        } catch {
            signals.release()
            throw DemoFailure(error.message ?? "the demo fleet could not start")
        }
        defer { stack.stop() }
        if signals.hasArrived {
            stack.stop()
            signals.release()
            throw DemoFailure("stopped on request; the demo fleet is stopped")
        }
        signals.release()
        if problems > 0 { print("\(problems) service(s) did not start; the console shows them as failed.") }
        // A signal ends the console without returning here: the fleet and the folder go then too.
        ConsoleSignalCleanup.register { [stack, run] in
            stack.stop()
            run.remove()
        }
        do {
            try ConsoleCommand.parse(["--config", run.configPath, "--theme", theme, "--poll", "2", "--metric-interval", "3"]).run()
        } catch {
            throw DemoFailure("the console cannot start (\(error)); the demo fleet is stopped")
        }
    }
}

/// Why the demo stopped, said on standard error (every process it started is stopped by then),
/// with exit status 1 and no usage text: the command line was right.
struct DemoFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

/// The temporary folder of one demo run: its configuration, journal, locks and local state.
struct DemoRun {
    let folder: String
    var configPath: String { folder + "/opsdeck.yml" }
    var stateHome: String { folder + "/state" }

    /// Makes a fresh folder (readable by this user only) and writes the configuration into it.
    static func prepare(serviceCommand: [String]) throws -> DemoRun {
        var template = Array((NSTemporaryDirectory() + "opsdeck-demo-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        guard let made else {
            throw DemoFailure("cannot make a temporary folder for the demo: \(String(cString: strerror(errno)))")
        }
        let run = DemoRun(folder: String(cString: made))
        let fleet = DemoFleet(serviceCommand: serviceCommand, folder: run.folder, ports: try DemoPorts.pick())
        do {
            try fleet.yaml.write(toFile: run.configPath, atomically: true, encoding: .utf8)
        } catch {
            run.remove()
            throw DemoFailure("cannot write the demo's configuration: \(error)")
        }
        return run
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

/// Free loopback ports for the fleet's front ports, all different.
enum DemoPorts {
    static func pick() throws -> [String: Int] {
        let keys = DemoFleet.members.flatMap { member in DemoFleet.environments.map { DemoFleet.portKey(member.service, $0) } }
        guard let ports = LoopbackPorts.free(count: keys.count) else { throw DemoFailure("no free port on 127.0.0.1 for the demo") }
        return Dictionary(uniqueKeysWithValues: zip(keys, ports))
    }
}
