import OpsCore

/// Text lines: logfmt from Go's logrus and slog text handlers, and an nginx access log.
extension RecordComposer {
    /// logrus TextFormatter without a TTY: `time`, `level`, `msg` first, then the fields sorted.
    mutating func writeLogrusText() {
        out.append("time=\"")
        out.appendTimestamp(nanos: nanos, .rfc3339SecondsZ)
        out.append("\" level=")
        out.append(levelName(logrusTextLevels))
        logfmtMessage("msg")
        logfmt("component", rng.pick(Vocabulary.services))
        if isError { logfmt("error", "dial tcp 10.0.3.7:5432: connect: connection refused") }
        logfmt("method", rng.pick(Vocabulary.methods))
        out.append(" path=")
        StringEscaping.appendLogfmtValue(rng.pick(Vocabulary.paths), to: &out)
        out.append(" status="); out.appendDecimal(httpStatus)
    }

    /// slog TextHandler: millisecond local time, UPPERCASE level, groups flattened with dots.
    mutating func writeSlogText() {
        out.append("time=")
        out.appendTimestamp(nanos: nanos, .isoMillis(offsetMinutes: 120))
        out.append(" level=")
        out.append(levelName(slogTextLevels))
        logfmtMessage("msg")
        if drawNested() {
            logfmt("request.method", rng.pick(Vocabulary.methods))
            out.append(" request.path=")
            StringEscaping.appendLogfmtValue(rng.pick(Vocabulary.paths), to: &out)
            logfmt("request.user_agent", rng.pick(Vocabulary.userAgents))
        }
        out.append(" duration="); out.appendDecimal(rng.inRange(1...900)); out.append(".5ms")
        if isError { logfmt("err", "context deadline exceeded") }
    }

    /// nginx `combined` format; the level only shows through the status code.
    mutating func writeNginxAccess() {
        out.appendIPv4(bits: rng.next())
        out.append(" - - [")
        appendNginxTime()
        out.append("] \"")
        out.append(rng.pick(Vocabulary.methods))
        out.append(UInt8(ascii: " "))
        out.append(rng.pick(Vocabulary.paths))
        out.append(" HTTP/1.1\" ")
        out.appendDecimal(httpStatus)
        out.append(UInt8(ascii: " "))
        out.appendDecimal(rng.inRange(0...48_000))
        out.append(" \"-\" \"")
        out.append(rng.pick(Vocabulary.userAgents))
        out.append(UInt8(ascii: "\""))
    }

    /// `28/Nov/2024:13:20:00 +0000`
    private mutating func appendNginxTime() {
        let civil = CivilTime(secondsSinceEpoch: nanos / 1_000_000_000)
        out.appendDecimal(civil.day, width: 2); out.append(UInt8(ascii: "/"))
        out.append(monthAbbreviations[(civil.month - 1) % 12]); out.append(UInt8(ascii: "/"))
        out.appendDecimal(civil.year, width: 4); out.append(UInt8(ascii: ":"))
        out.appendDecimal(civil.hour, width: 2); out.append(UInt8(ascii: ":"))
        out.appendDecimal(civil.minute, width: 2); out.append(UInt8(ascii: ":"))
        out.appendDecimal(civil.second, width: 2); out.append(" +0000")
    }
}

private let logrusTextLevels: [StaticString] = ["trace", "debug", "info", "warning", "error", "fatal"]
private let slogTextLevels: [StaticString] = ["DEBUG-4", "DEBUG", "INFO", "WARN", "ERROR", "ERROR+4"]
private let monthAbbreviations: [StaticString] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
