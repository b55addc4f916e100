import Foundation

/// An alert as a line of the journal, beside the actions' lines: who was watching (the opsdeck
/// that saw it, on which host), and the alert.
///
/// ```
/// {"format":1,"id":"…","time":"2026-11-28T10:04:00.120Z","phase":"alert","user":"alice","host":"ops1",
///  "pid":4242,"alert":"raised","service":"api","environment":"production","probe":"health",
///  "state":"failing","reason":"status 503, expected 200-299","summary":"ALERT api/production/health …"}
/// ```
///
/// `phase` says what the line is, as for every other line; a metric's line has `metric` and
/// `value` instead of `probe`. An opsdeck older than alerts reports such a line as "not a journal
/// entry" and skips it, as it skips any line it cannot read, and reads every other line as before.
public struct JournalAlertEntry: Hashable, Sendable {
    /// The `phase` of an alert line.
    public static let phase = "alert"

    public var id: String
    /// When the alert happened (`Alert.at`, to the millisecond).
    public var time: LogTimestamp
    /// The opsdeck that saw it.
    public var observer: ActionOperator
    public var alert: Alert

    public init(id: String = UUID().uuidString.lowercased(), observer: ActionOperator, alert: Alert) {
        self.id = id
        self.observer = observer
        self.time = JournalTime.timestamp(alert.at)
        var alert = alert
        alert.at = JournalTime.date(time)
        self.alert = alert
    }
}
