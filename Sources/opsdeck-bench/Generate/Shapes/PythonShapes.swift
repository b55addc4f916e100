/// Python loggers: structlog, python-json-logger and loguru. All go through `json.dumps` with
/// its default `", "`/`": "` separators; structlog and python-json-logger keep
/// `ensure_ascii=True`, so every non-ASCII character arrives as `\uXXXX` (emoji as surrogate pairs).
extension RecordComposer {
    /// structlog JSONRenderer after `add_log_level`, `TimeStamper` and `format_exc_info`:
    /// `{"event": "…", …, "level": "info", "logger": "…", "timestamp": "…Z"}`; `epochTime` selects
    /// `TimeStamper(fmt=None)`, which writes a float.
    mutating func writeStructlog(epochTime: Bool) {
        style = .python
        pythonSeparators = true
        openObject()
        fieldMessage("event")
        if drawNested() { key("request"); requestObject() }
        if isError {
            composePythonTraceback()
            fieldDetail("exception")
        }
        field("level", levelName(pythonLowercaseLevels))
        field("logger", pick: Vocabulary.pythonLoggers)
        key("timestamp")
        if epochTime { out.appendEpochSeconds(nanos: nanos, fractionDigits: 6) } else { timestampString(.isoMicrosZ) }
        closeObject()
        pythonSeparators = false
    }

    /// python-json-logger with `%(asctime)s %(levelname)s %(name)s %(message)s`: asctime has a
    /// comma before the milliseconds and no zone.
    mutating func writePythonJSONLogger() {
        style = .python
        pythonSeparators = true
        openObject()
        key("asctime"); timestampString(.pythonAsctime)
        field("levelname", levelName(pythonUppercaseLevels))
        field("name", pick: Vocabulary.pythonLoggers)
        fieldMessage("message")
        if isError {
            composePythonTraceback()
            fieldDetail("exc_info")
        }
        if drawNested() {
            key("otelTraceID"); hexString(digits: 32)
            key("otelSpanID"); hexString(digits: 16)
            key("user"); userObject()
        }
        field("taskName", literal: "null")
        closeObject()
        pythonSeparators = false
    }

    /// loguru `serialize=True`: the formatted `text` plus a nested `record` with level
    /// `{icon, name, no}`, `time {repr, timestamp}`, process, thread, file and `extra`.
    mutating func writeLoguru() {
        style = .node
        pythonSeparators = true
        let names = loguruLevels[levelIndex]
        openObject()
        key("text")
        inner.removeAll()
        inner.appendTimestamp(nanos: nanos, .loguruText)
        inner.append(" | "); inner.append(names.padded); inner.append(" | shop.api:handler:42 - ")
        inner.append(message, 0..<message.count)
        inner.append(UInt8(ascii: "\n"))
        innerString()
        key("record"); openObject()
        key("elapsed"); openObject()
        let elapsedMillis = rng.inRange(1...86_399_999)
        key("repr"); out.append(UInt8(ascii: "\"")); out.appendDecimal(elapsedMillis / 3_600_000)
        out.append(UInt8(ascii: ":")); out.appendDecimal(elapsedMillis / 60_000 % 60, width: 2)
        out.append(UInt8(ascii: ":")); out.appendDecimal(elapsedMillis / 1000 % 60, width: 2)
        out.append(UInt8(ascii: ".")); out.appendDecimal(elapsedMillis % 1000 * 1000, width: 6); out.append(UInt8(ascii: "\""))
        key("seconds"); out.appendDecimal(elapsedMillis / 1000); out.append(UInt8(ascii: "."))
        out.appendDecimal(elapsedMillis % 1000, width: 3)
        closeObject()
        key("exception")
        if isError {
            openObject()
            field("type", "ValueError"); key("value"); messageString(); field("traceback", literal: "true")
            closeObject()
        } else {
            literal("null")
        }
        key("extra"); openObject()
        if drawNested() { key("request_id"); uuidString(); key("user"); userObject() }
        closeObject()
        key("file"); openObject(); field("name", "api.py"); field("path", "/app/shop/api.py"); closeObject()
        field("function", "handler")
        key("level"); openObject(); field("icon", names.icon); field("name", names.name); field("no", int: names.number); closeObject()
        field("line", int: 42)
        fieldMessage("message")
        field("module", "api")
        field("name", "shop.api")
        key("process"); openObject(); field("id", int: rng.inRange(1...64)); field("name", "MainProcess"); closeObject()
        key("thread"); openObject(); field("id", int: 140_234_567_890_123); field("name", "MainThread"); closeObject()
        key("time"); openObject()
        key("repr"); timestampString(.loguruRepr)
        key("timestamp"); out.appendEpochSeconds(nanos: nanos, fractionDigits: 6)
        closeObject()
        closeObject()
        closeObject()
        pythonSeparators = false
    }
}

private let pythonLowercaseLevels: [StaticString] = ["debug", "debug", "info", "warning", "error", "critical"]
private let pythonUppercaseLevels: [StaticString] = ["DEBUG", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
private let loguruLevels: [(name: StaticString, padded: StaticString, icon: StaticString, number: Int)] = [
    ("TRACE", "TRACE   ", "✏️", 5), ("DEBUG", "DEBUG   ", "🐞", 10), ("INFO", "INFO    ", "ℹ️", 20),
    ("WARNING", "WARNING ", "⚠️", 30), ("ERROR", "ERROR   ", "❌", 40), ("CRITICAL", "CRITICAL", "☠️", 50),
]
