import Foundation
import OpsCore

/// The Probes table: one row a probe, what it checks, its damped state and since when, the last
/// latency, an hour of results as a sparkline, the certificate's days left and why it last failed.
struct ProbeTable {
    enum Column: CaseIterable, Hashable {
        case probe, state, since, latency, history, certificate, reason, target
    }

    /// What a row is and whether it is well first; the target last, as the name usually says it
    /// (it needs room, so it shows on wide screens only).
    static let priority: [Column] = [.probe, .state, .reason, .latency, .since, .certificate, .history, .target]
    /// The sparkline's width: an hour in buckets of three minutes.
    static let historyWidth = 20

    let columns: [Column]
    let tableColumns: [TableColumn]
    let ascii: Bool

    init(width: Int, ascii: Bool) {
        self.ascii = ascii
        (columns, tableColumns) = ColumnPriority.choose(Column.allCases, priority: Self.priority, width: width,
                                                        spec: Self.spec)
    }

    static func spec(_ column: Column) -> TableColumn {
        switch column {
        case .probe: TableColumn("PROBE", width: .flexible(minimum: 16, weight: 3))
        case .state: TableColumn("STATE", width: .fixed(8))
        case .since: TableColumn("SINCE", width: .fixed(5), alignment: .right)
        case .latency: TableColumn("LATENCY", width: .fixed(7), alignment: .right)
        case .history: TableColumn("LAST HOUR", width: .fixed(historyWidth))
        case .certificate: TableColumn("CERT", width: .fixed(5), alignment: .right)
        case .reason: TableColumn("LAST FAILURE", width: .flexible(minimum: 12, weight: 3))
        case .target: TableColumn("TARGET", width: .flexible(minimum: 40, weight: 1))
        }
    }

    func row(_ entry: ProbeBoard.Entry, now: LogTimestamp?) -> TableRow {
        TableRow(cells: columns.map { cell($0, entry, now: now) })
    }

    func cell(_ column: Column, _ entry: ProbeBoard.Entry, now: LogTimestamp?) -> StyledSpan {
        let tracker = entry.tracker
        switch column {
        case .probe:
            return StyledSpan(DashboardText.clean(entry.id.description), StatusRoles.attention(tracker.state))
        case .state:
            return StyledSpan(tracker.state.word, StatusRoles.role(tracker.state))
        case .since:
            return StyledSpan(tracker.since.flatMap { DashboardText.age(of: $0.logTimestamp, now: now) } ?? "-", .dim)
        case .latency:
            let text = tracker.lastResult?.latencyMilliseconds.map(Self.milliseconds) ?? "-"
            return StyledSpan(text, tracker.lastResult?.state == .ok ? .text : StatusRoles.role(tracker.lastResult?.state ?? .unknown))
        case .history:
            let strip = ProbeSparkline.render(tracker.history, timeout: entry.timeout, now: now,
                                              width: Self.historyWidth, ascii: ascii)
            return StyledSpan(strip, .sparkline)
        case .certificate:
            guard let tls = tracker.lastResult?.tls, let now else { return StyledSpan("-", .dim) }
            let days = tls.daysLeft(now: Date(timeIntervalSince1970: Double(now.nanosecondsSinceEpoch) / 1e9))
            let role: Role = !tls.verification.isTrusted || days < 0 ? .statusFailed : (days < 14 ? .statusDegraded : .text)
            // Long expired is just expired: the column stays narrow.
            return StyledSpan(days < 0 ? "exp" : "\(days)d", role)
        case .reason:
            guard let failure = tracker.lastFailure else { return StyledSpan("-", .dim) }
            let reason = DashboardText.clean(failure.failedCondition ?? failure.state.word)
            guard tracker.state == .ok else { return StyledSpan(reason, StatusRoles.role(tracker.state)) }
            // Recovered: when it last failed matters (SINCE says when the trouble began otherwise).
            let when = DashboardText.age(of: failure.at.logTimestamp, now: now).map { "\($0) ago: " } ?? ""
            return StyledSpan(when + reason, .dim)
        case .target:
            return StyledSpan(DashboardText.clean(entry.target), .dim)
        }
    }

    /// `12ms`, `1.2s`, `30s`.
    static func milliseconds(_ value: Int) -> String {
        if value < 1000 { return "\(value)ms" }
        if value < 10_000 { return "\(value / 1000).\(value % 1000 / 100)s" }
        return "\(value / 1000)s"
    }
}

/// A probe's last hour in a few characters: the hour cut into as many spans as there are
/// columns, each drawn at the slowest latency it saw against the probe's timeout (the top of the
/// scale); a span with a failure stands at full height, an empty span is blank.
enum ProbeSparkline {
    static func render(_ history: ProbeHistory, timeout: Duration, now: LogTimestamp?, width: Int,
                       ascii: Bool) -> String {
        guard width > 0 else { return "" }
        let entries = history.entries
        guard let now, !entries.isEmpty else { return String(repeating: " ", count: width) }
        let windowNanoseconds = Double(ProbeHistory.seconds(history.window) * 1e9)
        let span = windowNanoseconds / Double(width)
        var slowest = [Double?](repeating: nil, count: width)
        var failed = [Bool](repeating: false, count: width)
        for entry in entries {
            let age = Double(now.nanosecondsSinceEpoch &- entry.at.logTimestamp.nanosecondsSinceEpoch)
            guard age >= -span, age < windowNanoseconds else { continue }
            let column = min(width - 1, max(0, width - 1 - Int(max(0, age) / span)))
            let latency = entry.latency.map { Double(ProbeResult.milliseconds($0)) } ?? 0
            slowest[column] = max(slowest[column] ?? 0, latency)
            if entry.state == .failing { failed[column] = true }
        }
        let ceiling = max(Double(ProbeResult.milliseconds(timeout)), slowest.compactMap { $0 }.max() ?? 0, 1)
        let values = (0..<width).map { failed[$0] ? ceiling : slowest[$0] }
        return Sparkline.render(gapped: values, ceiling: ceiling, ascii: ascii)
    }
}
