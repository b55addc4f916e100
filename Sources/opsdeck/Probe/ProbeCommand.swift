import ArgumentParser
import Foundation
import OpsCore

/// `opsdeck probe`: runs the configured health probes once (or keeps running them) and says which
/// hold.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Run the health probes of opsdeck.yml and print what they found.",
        discussion: """
        Runs every probe once, all at once (at most 16 in flight), and prints one row per probe: \
        probe, target, state, latency, days left on the certificate, and the failed condition. \
        A service with a base_url and no probes gets /health and /ready. With --watch, keeps \
        probing, each probe on its own interval, and prints a line whenever a probe changes state \
        (after `consecutive` results agree), until interrupted.

        Alerts (with --watch): when a probe becomes failing (its first result included), a line \
        `ALERT probe state: reason`; when it leaves failing, `RECOVERED probe state`. Each alert is \
        written to the journal (see opsdeck journal) and, when the configuration has \
        alerts: { on_alert: [argv...] }, handed to that command: one at a time, in order, each \
        within hook_timeout (default 10s), the alert in OPSDECK_* environment variables, never in \
        its arguments. A line says how each hook ended. --no-hooks runs no hook (a dry run). The \
        first interrupt stops probing and lets queued hooks finish; a second one kills them.

        States: ok; degraded (it answers, but too slowly or with a certificate that expires within \
        cert_days); failing (no answer, a wrong answer, an untrusted or expired certificate).

        HTTPS certificates are checked against the system's authorities, or those in the file \
        named by $SSL_CERT_FILE when it is set.

        Exit status: 0 when no probe is failing (degraded ones are printed, but do not fail the \
        run); 1 when any probe is failing (with --watch: at the moment it is interrupted); 2 for \
        a usage error, a configuration that is missing or has errors, an unknown service or \
        environment, or nothing to probe.
        """
    )

    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("Only the probes of this service.", valueName: "name"))
    var service: String?

    @Option(name: .customLong("env"), help: ArgumentHelp("Only the probes of this environment.", valueName: "name"))
    var environment: String?

    @Flag(help: "Keep probing and print state changes and alerts until interrupted.")
    var watch = false

    @Flag(name: .customLong("no-hooks"), help: "With --watch: print and journal alerts, but do not run the on_alert command.")
    var noHooks = false

    @Option(help: ArgumentHelp("text: a table (with --watch, a line per change); json: one object per line.",
                               valueName: "text|json"))
    var output = "text"

    func run() throws {
        guard let format = ProbeOutputFormat(rawValue: output) else {
            throw Self.usage("--output must be text or json, not \(Sanitiser.sanitise(output))")
        }
        let (config, location, probes) = try loadProbes()
        let client: HTTPClient
        do {
            client = try HTTPClient(trustRoots: .fromEnvironment())
        } catch {
            throw Self.usage("\(error)")
        }
        let scheduler = ProbeScheduler(probes: probes, runner: LiveProbeRunner(client: client))
        let failing: Bool
        if watch {
            let printer = LinePrinter()
            let alerting = ProbeAlerting(printer: printer, format: format,
                                         bell: config.alerts.bell && format == .text && isatty(STDOUT_FILENO) == 1,
                                         journalPath: journalPath(config, location: location),
                                         hook: noHooks ? nil : AlertHook(config: config.alerts, runner: LiveCommandRunner()))
            failing = ProbeWatch(scheduler: scheduler, format: format, alerting: alerting, printer: printer).run()
        } else {
            let reports = BlockingWait.run { await scheduler.runOnce() }
            let output = ProbeOutput(probes: probes, format: format)
            print(output.render(reports, now: Date()), terminator: "")
            failing = reports.contains { $0.result.state == .failing || $0.result.state == .unknown }
        }
        if failing { throw ExitCode(1) }
    }

    /// Where alerts are journalled: the configuration's journal_path, else the default place; nil
    /// (said once on standard error) when there is neither.
    private func journalPath(_ config: OpsdeckConfig, location: ConfigLocation) -> String? {
        let folder = URL(fileURLWithPath: location.path).deletingLastPathComponent().path
        guard let path = StatePaths.current().journal(configured: config.journalPath, configFolder: folder) else {
            ProbeAlerting.warn("alerts will not be journalled: \(JournalError.noPlace)")
            return nil
        }
        return path
    }

    private func loadProbes() throws -> (OpsdeckConfig, ConfigLocation, [Probe]) {
        let locator = ConfigLocator.current()
        guard let location = locator.locate(explicit: file) else {
            Self.writeError(ConfigCheckReport.noConfiguration(lookedAt: locator.candidates))
            throw ExitCode(2)
        }
        let config: OpsdeckConfig
        do {
            config = try ConfigLoader.load(path: location.path)
        } catch let error as ConfigError {
            Self.writeError(ConfigCheckReport.issues(error, path: location.path))
            throw ExitCode(2)
        }
        let probes: [Probe]
        do {
            probes = try ProbePlan.probes(in: config, service: service, environment: environment)
        } catch {
            throw Self.usage(Sanitiser.sanitise(error.description))
        }
        guard !probes.isEmpty else {
            throw Self.usage("nothing to probe: \(Sanitiser.sanitise(location.path)) names no probes"
                      + (service != nil || environment != nil ? " for that selection" : "")
                      + " and no service with a base_url")
        }
        return (config, location, probes)
    }

    /// Prints `message` on standard error; the error to throw ends with status 2 (usage or configuration).
    private static func usage(_ message: String) -> ExitCode {
        writeError(["opsdeck probe: \(message)"])
        return ExitCode(2)
    }

    private static func writeError(_ lines: [String]) {
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

enum ProbeOutputFormat: String {
    case text
    case json
}

/// Runs async work from the synchronous command and waits for it: the probes run on Swift's
/// concurrency pool while the main thread sleeps.
enum BlockingWait {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        // The semaphore orders the write before this read.
        guard let value = box.value else { preconditionFailure("the work ended without a value") }
        return value
    }

    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
