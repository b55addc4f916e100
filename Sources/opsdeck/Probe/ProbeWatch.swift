import Dispatch
import Foundation
import OpsCore

/// `opsdeck probe --watch`: probes until SIGINT or SIGTERM, printing a line whenever a probe
/// changes state (its first result included), then returns whether any probe is failing.
struct ProbeWatch {
    let scheduler: ProbeScheduler
    let format: ProbeOutputFormat

    func run() -> Bool {
        let board = ProbeBoard(probes: scheduler.probes, format: format)
        let stop = DispatchSemaphore(value: 0)
        let signals = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            // The default action would end the process before the last state is known.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        let probing = Task { [scheduler] in
            await scheduler.run { board.record($0) }
        }
        stop.wait()
        probing.cancel()
        signals.forEach { $0.cancel() }
        return board.anyFailing
    }
}

/// The trackers of every probe, fed from many tasks at once; prints each change as it happens.
final class ProbeBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var trackers: [ProbeID: ProbeTracker]
    private let probes: [ProbeID: Probe]
    private let format: ProbeOutputFormat

    init(probes: [Probe], format: ProbeOutputFormat) {
        self.probes = Dictionary(probes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        trackers = Dictionary(probes.map { ($0.id, ProbeTracker(for: $0.config)) }, uniquingKeysWith: { first, _ in first })
        self.format = format
    }

    func record(_ report: ProbeReport) {
        lock.withLock {
            guard let change = trackers[report.probe]?.record(report.result) else { return }
            // Printed under the lock, so that lines never interleave and come out in order.
            let line = self.line(for: change, report: report)
            FileHandle.standardOutput.write(Data(line.utf8))
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
