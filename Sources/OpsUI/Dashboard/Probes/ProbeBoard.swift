import Foundation
import OpsCore

/// The probes the console runs and where each stands: its tracker (damped state, last result,
/// an hour of history), in the order the configuration names them.
public struct ProbeBoard: Sendable {
    public struct Entry: Sendable {
        public let id: ProbeID
        /// What it checks, in a few words (the URL, `tcp db:5432`).
        public let target: String
        /// How long a run may take: the top of its latency sparkline.
        public let timeout: Duration
        public internal(set) var tracker: ProbeTracker
    }

    /// Probe ids in (service, environment, name) order.
    public private(set) var order: [ProbeID]
    public private(set) var entries: [ProbeID: Entry]

    public init(_ probes: [Probe] = []) {
        var entries: [ProbeID: Entry] = [:]
        for probe in probes where entries[probe.id] == nil {
            entries[probe.id] = Entry(id: probe.id, target: probe.target, timeout: probe.config.timeout,
                                   tracker: ProbeTracker(for: probe.config))
        }
        self.entries = entries
        order = entries.keys.sorted()
    }

    public var isEmpty: Bool { order.isEmpty }

    /// Takes one result; returns the state change it caused, if any. Results of probes the board
    /// does not know are dropped.
    mutating func record(_ report: ProbeReport) -> ProbeTracker.Change? {
        guard entries[report.probe] != nil else { return nil }
        return entries[report.probe]?.tracker.record(report.result)
    }

    /// The probes that speak for `key`: those of its environment, and those of the service that
    /// check one fixed place (a whole URL, tcp, a command), which count for every environment.
    func entries(for key: ServiceKey) -> [Entry] {
        order.compactMap { id in
            guard id.service == key.service, id.environment == nil || id.environment == key.environment else {
                return nil
            }
            return entries[id]
        }
    }
}

extension Date {
    /// The dashboard's clock counts in `LogTimestamp`s.
    var logTimestamp: LogTimestamp {
        LogTimestamp(nanosecondsSinceEpoch: Int64(exactly: (timeIntervalSince1970 * 1e9).rounded()) ?? 0)
    }
}
