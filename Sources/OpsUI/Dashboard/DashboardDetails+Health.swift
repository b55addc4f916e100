import Foundation
import OpsCore

/// The Details pane's health lines: the roll-up and why, each probe of the service with its
/// certificate, each metric with its last hour, above the platform's facts.
extension DashboardDetails {

    /// Every line of the Details pane for `snapshot` as `state` knows it.
    static func lines(for snapshot: ServiceSnapshot, in state: DashboardState, dot: String = "·",
                      ascii: Bool = false) -> [StyledLine] {
        healthLines(for: snapshot, in: state, dot: dot, ascii: ascii) + lines(for: snapshot, now: state.now, dot: dot)
    }

    static func healthLines(for snapshot: ServiceSnapshot, in state: DashboardState, dot: String,
                            ascii: Bool) -> [StyledLine] {
        let probes = state.probes.entries(for: snapshot.key)
        let metrics = state.metrics.entries(for: snapshot.key)
        guard !probes.isEmpty || !metrics.isEmpty else { return [] }
        let rollup = state.health(of: snapshot)
        var lines: [StyledLine] = []
        var health: StyledLine = [StyledSpan(DisplayWidth.padded("health", to: labelWidth) + " ", .dim),
                                  StyledSpan(rollup.verdict.word, StatusRoles.role(rollup.verdict))]
        if let cause = rollup.causeText { health.append(StyledSpan(" \(dot) " + DashboardText.clean(cause), .text)) }
        lines.append(health)
        let now = state.now.map { Date(timeIntervalSince1970: Double($0.nanosecondsSinceEpoch) / 1e9) }
        for entry in probes { lines.append(probeLine(entry, now: now, dot: dot)) }
        for entry in metrics { lines.append(metricLine(entry, dot: dot, ascii: ascii)) }
        return lines
    }

    /// `metric   error_rate 0.0909 warn above 0.05 · ▁▁▂▃▅▆ last hour`, or the query's error.
    static func metricLine(_ entry: MetricBoard.Entry, dot: String, ascii: Bool) -> StyledLine {
        let tracker = entry.tracker
        var line: StyledLine = [StyledSpan(DisplayWidth.padded("metric", to: labelWidth) + " ", .dim),
                                StyledSpan(DashboardText.clean(entry.id.name) + " ", .text)]
        guard let reading = tracker.lastReading else {
            line.append(StyledSpan("not read yet", .dim))
            return line
        }
        if let error = reading.error {
            line.append(StyledSpan(DashboardText.clean(error), .statusFailed))
            return line
        }
        line.append(StyledSpan(reading.value.map { $0.text } ?? "no data", MetricText.role(reading.level)))
        line.append(StyledSpan(" " + tracker.level.word, MetricText.role(tracker.level)))
        if let threshold = MetricText.threshold(of: entry.config, level: tracker.level) {
            line.append(StyledSpan(" " + threshold, .dim))
        }
        if reading.seriesCount > 1 { line.append(StyledSpan(" \(dot) worst of \(reading.seriesCount) series", .dim)) }
        // The range query's hour when it came, else the readings seen since the start; last, as
        // a narrow pane cuts it first.
        let values = entry.lastHour.value ?? tracker.history.values
        if values.contains(where: { $0 != nil }) {
            let strip = Sparkline.render(gapped: Array(values.suffix(MetricBoard.hourPoints)), ascii: ascii)
            line.append(StyledSpan(" \(dot) ", .dim))
            line.append(StyledSpan(strip, .sparkline))
            line.append(StyledSpan(entry.lastHour.value == nil ? " since start" : " last hour", .dim))
        }
        return line
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
