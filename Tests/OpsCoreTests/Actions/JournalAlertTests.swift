import Foundation
import Testing
@testable import OpsCore

/// Alerts in the audit journal, beside the actions' lines.
@Suite struct JournalAlertTests {
    typealias S = ActionTestSupport
    static let watcher = ActionOperator(user: "bob", host: "ops2", pid: 77)

    static func entry(_ alert: Alert, id: String) -> JournalAlertEntry {
        JournalAlertEntry(id: id, observer: watcher, alert: alert)
    }

    @Test func alertsAndActionsWrittenTogetherAreReadBackApart() throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let path = folder.appendingPathComponent("journal.jsonl").path
        let writer = JournalWriter(path: path)
        let raised = Self.entry(AlertSamples.probe(), id: "x1")
        let fixed = Self.entry(AlertSamples.probe("queue", service: "worker", environment: nil), id: "x2")
        let metric = Self.entry(AlertSamples.metric(), id: "x3")
        let recovered = Self.entry(AlertSamples.probe(.recovered), id: "x4")
        try writer.append(S.entry(.started))
        try writer.append(raised)
        try writer.append(S.entry(.stepStarted, at: 1, step: S.step(0, of: 1)))
        try writer.append(fixed)
        try writer.append(S.entry(.stepFinished, at: 2, step: S.step(0, of: 1), outcome: .ok))
        try writer.append(metric)
        try writer.append(S.entry(.finished, at: 3, outcome: .ok))
        try writer.append(recovered)
        #expect(writer.durableLines == 8)

        let history = try JournalReader.history(path: path)
        #expect(history.problems.isEmpty)
        #expect(history.alerts == [raised, fixed, metric, recovered])
        #expect(history.actions.count == 1)
        #expect(history.actions.first?.outcome == .ok)
        #expect(history.actions.first?.steps.count == 1)

        // The reader of actions' lines passes alert lines over without calling them problems.
        var actionLines = 0
        let scan = try JournalReader.scan(path: path) { _ in actionLines += 1 }
        #expect(scan.problems.isEmpty)
        #expect(actionLines == 4)
    }

    @Test func anAlertLineIsOneJSONObjectWithItsPhase() throws {
        let entry = Self.entry(AlertSamples.probe(), id: "x1")
        let text = String(decoding: entry.line, as: UTF8.self)
        #expect(text == #"{"format":1,"id":"x1","time":"2026-11-28T10:00:00.123Z","phase":"alert","user":"bob","host":"ops2","pid":77,"alert":"raised","service":"api","environment":"production","probe":"health","state":"failing","reason":"status 503, expected 200-299","summary":"ALERT api/production/health failing: status 503, expected 200-299"}"#
            + "\n")
        let metric = String(decoding: Self.entry(AlertSamples.metric(), id: "x3").line, as: UTF8.self)
        #expect(metric.contains(#""metric":"error_rate","state":"critical","reason":"above 0.05","value":"0.12","#))
        #expect(!metric.contains(#""probe""#))
    }

    @Test func timesKeepTheirMillisecond() {
        let entry = Self.entry(AlertSamples.probe(), id: "x1")
        #expect(entry.time.rfc3339Milliseconds == "2026-11-28T10:00:00.123Z")
        #expect(JournalTime.timestamp(entry.alert.at) == entry.time)
        #expect(JournalTime.timestamp(Date(timeIntervalSince1970: 1e300)).nanosecondsSinceEpoch > 0)
        #expect(JournalTime.timestamp(Date(timeIntervalSince1970: -1e300)).nanosecondsSinceEpoch < 0)
    }

    @Test func badAlertLinesAreReportedAndSkippedLikeAnyOther() {
        let good = String(decoding: Self.entry(AlertSamples.probe(), id: "x1").line, as: UTF8.self)
        let lines = [
            #"{"id":"y1","time":"2026-11-28T10:00:00Z","phase":"alert","alert":"raised","service":"api","state":"failing"}"#,
            #"{"id":"y2","time":"2026-11-28T10:00:00Z","phase":"alert","alert":"sideways","service":"api","probe":"h","state":"failing"}"#,
            #"{"id":"y3","time":"2026-11-28T10:00:00Z","phase":"alert","alert":"raised","service":"api","probe":"h","metric":"m","environment":"p","state":"failing"}"#,
            #"{"id":"y4","time":"2026-11-28T10:00:00Z","phase":"alert","alert":"raised","service":"api","metric":"m","state":"critical"}"#,
            #"{"id":"y5","time":"2026-11-28T10:00:00Z","phase":"alert","alert":"raised","service":7,"probe":"h","state":"failing"}"#,
            good.trimmingCharacters(in: .newlines),
        ]
        let history = JournalReader.history(bytes: Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(history.alerts.map(\.id) == ["x1"])
        #expect(history.problems.map(\.description) == [
            #"line 1: not a journal entry (an alert with neither "probe" nor "metric"); skipped"#,
            #"line 2: not a journal entry (unknown "alert"); skipped"#,
            #"line 3: not a journal entry (an alert with both "probe" and "metric"); skipped"#,
            #"line 4: not a journal entry (a metric alert without "environment"); skipped"#,
            #"line 5: not a journal entry ("service" is not a string); skipped"#,
        ])
    }

    @Test func wordsEditedIntoTheFileAreCleanedWhenRead() throws {
        let line = #"{"id":"y1","time":"2026-11-28T10:00:00Z","phase":"alert","alert":"raised","service":"api","probe":"h","state":"failing","reason":"\u001b[2J password=hunter2","summary":"forged"}"#
        let history = JournalReader.history(bytes: Array((line + "\n").utf8))
        let alert = try #require(history.alerts.first?.alert)
        #expect(alert.reason == #"\e[2J password=[REDACTED]"#)
        // The summary is made from the fields, never taken from the file.
        #expect(alert.summary == #"ALERT api/h failing: \e[2J password=[REDACTED]"#)
    }

    @Test func alertsAreFilteredByServiceEnvironmentAndTime() {
        let api = Self.entry(AlertSamples.probe(), id: "a")
        let fixed = Self.entry(AlertSamples.probe("queue", service: "worker", environment: nil), id: "w")
        #expect(JournalFilter(service: "api").matches(api))
        #expect(!JournalFilter(service: "worker").matches(api))
        #expect(JournalFilter(environment: "production").matches(api))
        #expect(!JournalFilter(environment: "production").matches(fixed))
        #expect(JournalFilter(service: "worker").matches(fixed))
        #expect(JournalFilter(since: api.time).matches(api))
        #expect(!JournalFilter(since: LogTimestamp(nanosecondsSinceEpoch: api.time.nanosecondsSinceEpoch + 1)).matches(api))
    }

    @Test func theReportJSONSaysItIsAnAlert() {
        let entry = Self.entry(AlertSamples.metric(.recovered), id: "x9")
        #expect(JSONWriter.serialize(entry.reportJSON) == #"{"id":"x9","kind":"alert","time":"2026-11-28T10:00:00.123Z","user":"bob","host":"ops2","client":null,"alert":"recovered","service":"api","environment":"production","metric":"error_rate","state":"ok","reason":"above 0.05","value":"0.12","summary":"RECOVERED api/production/error_rate ok: value 0.12; above 0.05"}"#)
    }
}
