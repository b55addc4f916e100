import Foundation
import OpsCore
import OpsUI

/// What `opsdeck probe` prints for one round of results: a table, or one JSON object per line.
/// Everything that came from outside (names, URLs, reasons quoting a server's body) is sanitised.
struct ProbeOutput {
    let probes: [Probe]
    let format: ProbeOutputFormat

    func render(_ reports: [ProbeReport], now: Date) -> String {
        switch format {
        case .json:
            return reports.map { ProbeJSON.line(for: $0, probe: probe($0.probe), now: now) }.joined()
        case .text:
            return table(reports, now: now)
        }
    }

    private func probe(_ id: ProbeID) -> Probe? { probes.first { $0.id == id } }

    private func table(_ reports: [ProbeReport], now: Date) -> String {
        let header = ["PROBE", "TARGET", "STATE", "LATENCY", "CERT", "REASON"]
        let rows = reports.map { report -> [String] in
            let result = report.result
            return [Sanitiser.sanitise(report.probe.description),
                    Sanitiser.sanitise(probe(report.probe)?.target ?? "-"),
                    result.state.word,
                    result.latencyMilliseconds.map { "\($0) ms" } ?? "-",
                    result.tls.map { Self.certificate($0, now: now) } ?? "-",
                    Sanitiser.sanitise(result.failedCondition ?? "")]
        }
        var counts: [String] = []
        for state in ProbeState.allCases {
            let count = reports.filter { $0.result.state == state }.count
            if count > 0 { counts.append("\(count) \(state.word)") }
        }
        let summary = "\(reports.count) probe\(reports.count == 1 ? "" : "s"): " + counts.joined(separator: ", ")
        return TextTable.lines([header] + rows).joined(separator: "\n") + "\n\n" + summary + "\n"
    }

    /// Days left, and the verdict unless trusted: `29d`, `2d`, `29d self-signed`, `expired`.
    static func certificate(_ tls: TLSFacts, now: Date) -> String {
        if tls.verification == .expired { return "expired" }
        let days = "\(tls.daysLeft(now: now))d"
        return tls.verification.isTrusted ? days : "\(days) \(tls.verification.word)"
    }
}

/// Columns two spaces apart, each as wide as its widest cell (display width), the last left ragged.
enum TextTable {
    static func lines(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], DisplayWidth.of(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : DisplayWidth.padded(cell, to: widths[column])
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.hasSuffix(" ") { text = text.dropLast() }
        return String(text)
    }
}
