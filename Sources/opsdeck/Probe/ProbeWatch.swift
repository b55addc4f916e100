import Dispatch
import Foundation
import OpsCore

/// `opsdeck probe --watch`: probes until SIGINT or SIGTERM, printing a line whenever a probe
/// changes state (its first result included) and handing the changes that are alerts to
/// `alerting`, then returns whether any probe is failing.
///
/// At the first signal the probes stop and the hooks already queued still run (each within its
/// deadline), so the last alert before an interrupt is not lost; a second signal kills the
/// running hook and skips the rest.
struct ProbeWatch {
    let scheduler: ProbeScheduler
    let format: ProbeOutputFormat
    let alerting: ProbeAlerting
    let printer: LinePrinter

    func run() -> Bool {
        let board = WatchedProbes(probes: scheduler.probes, format: format, printer: printer, alerting: alerting)
        let stop = DispatchSemaphore(value: 0)
        let signalled = LockedValue(0)
        let signals = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            // The default action would end the process before the last state is known.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [alerting] in
                let count = signalled.withLock { count in
                    count += 1
                    return count
                }
                if count == 1 { stop.signal() } else { alerting.cancelHooks() }
            }
            source.resume()
            return source
        }
        let probing = Task { [scheduler] in
            await scheduler.run { board.record($0) }
        }
        stop.wait()
        probing.cancel()
        BlockingWait.run {
            // No change can come after the probes have ended, so no alert is queued after this.
            await probing.value
            await alerting.finishHooks()
        }
        signals.forEach { $0.cancel() }
        return board.anyFailing
    }
}

/// The trackers of every probe, fed from many tasks at once; prints each change as it happens and
/// hands those that are alerts on.
final class WatchedProbes: @unchecked Sendable {
    private let lock = NSLock()
    private var trackers: [ProbeID: ProbeTracker]
    private let probes: [ProbeID: Probe]
    private let format: ProbeOutputFormat
    private let printer: LinePrinter
    private let alerting: ProbeAlerting

    init(probes: [Probe], format: ProbeOutputFormat, printer: LinePrinter, alerting: ProbeAlerting) {
        self.probes = Dictionary(probes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        trackers = Dictionary(probes.map { ($0.id, ProbeTracker(for: $0.config)) }, uniquingKeysWith: { first, _ in first })
        self.format = format
        self.printer = printer
        self.alerting = alerting
    }

    func record(_ report: ProbeReport) {
        lock.withLock {
            guard let change = trackers[report.probe]?.record(report.result) else { return }
            // Handled under the lock, so that changes and their alerts come out in order.
            printer.write(line(for: change, report: report))
            if let alert = AlertRules.alert(for: report.probe, change: change, at: report.result.at) {
                alerting.handle(alert)
            }
        }
    }

    var anyFailing: Bool {
        lock.withLock { trackers.values.contains { $0.state == .failing } }
    }

    private func line(for change: ProbeTracker.Change, report: ProbeReport) -> String {
        let now = Date()
        let probe = probes[report.probe]
        switch format {
        case .json:
            return ProbeJSON.change(change, report: report, probe: probe, now: now)
        case .text:
            let result = report.result
            var words = [ProbeJSON.time(report.result.at), Sanitiser.sanitise(report.probe.description),
                         "\(change.from.word) -> \(change.to.word)"]
            if let latency = result.latencyMilliseconds { words.append("\(latency) ms") }
            if let tls = result.tls { words.append("cert " + ProbeOutput.certificate(tls, now: now)) }
            if let reason = change.reason { words.append(Sanitiser.sanitise(reason)) }
            return words.joined(separator: "  ") + "\n"
        }
    }
}
