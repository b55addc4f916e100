import Foundation
import OpsCore
import OpsUI

/// `s` in the log view and the dashboard's Logs pane: what the filter shows, as JSON lines,
/// secrets redacted.
enum RecordExport {
    /// Writes the records and returns what to tell the user, and whether it is an error.
    static func save(_ state: LogViewState, to path: String) -> (message: String, isError: Bool) {
        var writer = JSONWriter(capacity: 1 << 16)
        let encoder = RecordJSONEncoder()
        for i in 0..<state.visibleCount { encoder.append(state.record(atVisible: i).redacted(), to: &writer) }
        do {
            try Data(writer.bytes).write(to: URL(fileURLWithPath: path))
            return ("saved \(state.visibleCount) records to \(path)", false)
        } catch {
            return ("cannot save to \(path): \(error.localizedDescription)", true)
        }
    }
}
