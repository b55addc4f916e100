import OpsCore

/// Where the Logs pane's stream stands. The records themselves are in the embedded log view.
public enum LogStreamStatus: Hashable, Sendable {
    /// No service is selected, so nothing is followed.
    case idle
    /// Asked for, no record yet.
    case connecting
    /// Records are arriving; the newest batch came at this time (the dashboard's clock).
    case streaming(lastBatchAt: LogTimestamp?)
    /// The stream ended on its own (the container stopped); the records stay.
    case ended(at: LogTimestamp)
    /// The stream failed; the records that came before stay, shown below the error.
    case failed(SourceFailure)
}
