import OpsCore
import OpsUI

/// How `opsdeck logs` prints a record: one JSON object per line, or aligned, sanitised text
/// with level colours when writing to a terminal. Secrets are redacted either way.
enum RecordWriter {
    case json(RecordJSONEncoder)
    case text(LogLineFormatter, ANSILineStyle)

    mutating func write(_ record: LogRecord, to sink: OutputSink) {
        let safe = record.redacted()
        switch self {
        case .json(let encoder):
            sink.withBuffer { buffer in
                // Swapping lends the sink's buffer to the writer without copying it.
                var writer = JSONWriter(capacity: 0)
                swap(&writer.bytes, &buffer)
                encoder.append(safe, to: &writer)
                swap(&writer.bytes, &buffer)
            }
        case .text(var formatter, let style):
            for line in formatter.lines(for: safe) {
                sink.write(style.render(line))
                sink.write("\n")
            }
            self = .text(formatter, style)
        }
    }
}
