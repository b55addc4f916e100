/// Writes records as JSON lines with exactly the keys of `opsdeck logs --output json`:
/// line, source, time, level, message, error, trace_id, fields.
public struct RecordJSONEncoder {
    public init() {}

    public func append(_ record: LogRecord, to writer: inout JSONWriter) {
        writer.writeRaw("{\"line\":")
        writer.writeRaw(String(record.line))
        writer.writeRaw(",\"source\":")
        writer.writeString(record.source)
        writer.writeRaw(",\"time\":")
        writer.writeString(record.time?.rfc3339Milliseconds)
        writer.writeRaw(",\"level\":\"")
        writer.writeRaw(record.level.name)
        writer.writeRaw("\",\"message\":")
        writer.writeString(record.message)
        writer.writeRaw(",\"error\":")
        if let error = record.error {
            writer.writeRaw("{\"type\":")
            writer.writeString(error.type)
            writer.writeRaw(",\"message\":")
            writer.writeString(error.message)
            writer.writeRaw(",\"stack\":")
            writer.writeString(error.stack)
            writer.writeRaw("}")
        } else {
            writer.writeRaw("null")
        }
        writer.writeRaw(",\"trace_id\":")
        writer.writeString(record.traceId)
        writer.writeRaw(",\"fields\":")
        writer.write(.object(record.fields))
        writer.writeRaw("}\n")
    }
}
