import Foundation
import OpsCore

/// The Details pane's health lines: the roll-up and why, then each probe of the service with its
/// certificate, above the platform's facts.
extension DashboardDetails {
    /// Every line of the Details pane for `snapshot` as `state` knows it.
    static func lines(for snapshot: ServiceSnapshot, in state: DashboardState, dot: String = "·") -> [StyledLine] {
        healthLines(for: snapshot, in: state, dot: dot) + lines(for: snapshot, now: state.now, dot: dot)
    }

    static func healthLines(for snapshot: ServiceSnapshot, in state: DashboardState, dot: String) -> [StyledLine] {
        let probes = state.probes.entries(for: snapshot.key)
        guard !probes.isEmpty else { return [] }
        let rollup = state.health(of: snapshot)
        var lines: [StyledLine] = []
        var health: StyledLine = [StyledSpan(DisplayWidth.padded("health", to: labelWidth) + " ", .dim),
                                  StyledSpan(rollup.verdict.word, StatusRoles.role(rollup.verdict))]
        if let cause = rollup.causeText { health.append(StyledSpan(" \(dot) " + DashboardText.clean(cause), .text)) }
        lines.append(health)
        let now = state.now.map { Date(timeIntervalSince1970: Double($0.nanosecondsSinceEpoch) / 1e9) }
        for entry in probes { lines.append(probeLine(entry, now: now, dot: dot)) }
        return lines
    }

    /// `probe    health ok 12ms · 29 days left, trusted, CN=localhost`
    static func probeLine(_ entry: ProbeBoard.Entry, now: Date?, dot: String) -> StyledLine {
        let tracker = entry.tracker
        var line: StyledLine = [StyledSpan(DisplayWidth.padded("probe", to: labelWidth) + " ", .dim),
                                StyledSpan(DashboardText.clean(entry.id.name) + " ", .text),
                                StyledSpan(tracker.state.word, StatusRoles.role(tracker.state))]
        if let latency = tracker.lastResult?.latencyMilliseconds {
            line.append(StyledSpan(" " + ProbeTable.milliseconds(latency), .dim))
        }
        if tracker.state != .ok, let reason = tracker.lastFailure?.failedCondition {
            line.append(StyledSpan(" \(dot) " + DashboardText.clean(reason), StatusRoles.role(tracker.state)))
        }
        if let tls = tracker.lastResult?.tls, let now {
            let days = tls.daysLeft(now: now)
            let role: Role = tls.verification.isTrusted && days >= 14 ? .dim : .statusDegraded
            let facts = "\(days) day\(days == 1 ? "" : "s") left, \(tls.verification.word), "
                + DashboardText.clean(tls.subject)
            line.append(StyledSpan(" \(dot) " + facts, role))
        }
        return line
    }
}
