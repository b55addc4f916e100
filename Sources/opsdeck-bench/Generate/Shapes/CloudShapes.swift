/// Cloud conventions: Google Cloud structured logging on stdout and flattened OpenTelemetry records.
extension RecordComposer {
    /// `{"severity":"ERROR","message":"…","time":"…Z","logging.googleapis.com/trace":"projects/…/traces/…",
    /// "httpRequest":{…}}`; error reports carry Error Reporting's `@type` and a `stack_trace`.
    mutating func writeGCPStructured() {
        style = .goEncodingJSON
        openObject()
        key("severity")
        string(level == .info && rng.chance(perMille: 100) ? "NOTICE" : levelName(gcpSeverities))
        fieldMessage("message")
        key("time"); timestampString(.rfc3339NanoZ)
        key("logging.googleapis.com/trace"); out.append("\"projects/shop-prod/traces/"); appendHex(digits: 32)
        out.append(UInt8(ascii: "\""))
        key("logging.googleapis.com/spanId"); hexString(digits: 16)
        field("logging.googleapis.com/trace_sampled", literal: rng.chance(perMille: 500) ? "true" : "false")
        if drawNested() {
            key("httpRequest"); openObject()
            field("requestMethod", pick: Vocabulary.methods)
            key("requestUrl"); out.append("\"https://api.example.com"); out.append(rng.pick(Vocabulary.paths))
            out.append(UInt8(ascii: "\""))
            field("status", int: httpStatus)
            key("latency"); out.append("\"0."); out.appendDecimal(rng.inRange(1...999), width: 3); out.append("s\"")
            field("userAgent", pick: Vocabulary.userAgents)
            key("remoteIp"); ipString()
            closeObject()
        } else {
            key("logging.googleapis.com/labels"); openObject(); field("service", pick: Vocabulary.services); closeObject()
        }
        if isError {
            field("@type", "type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent")
            composePythonTraceback()
            fieldDetail("stack_trace")
        }
        closeObject()
    }

    /// Flattened OpenTelemetry log record (collector file exporter after conversion):
    /// `time_unix_nano` as a decimal string, `severity_text`/`severity_number`, `body`, hex ids.
    mutating func writeOTelFlat() {
        style = .goEncodingJSON
        openObject()
        key("time_unix_nano"); out.append(UInt8(ascii: "\"")); out.appendDecimal(nanos); out.append(UInt8(ascii: "\""))
        key("observed_time_unix_nano"); out.append(UInt8(ascii: "\""))
        out.appendDecimal(nanos &+ Int64(rng.inRange(10_000...5_000_000))); out.append(UInt8(ascii: "\""))
        field("severity_text", levelName(otelSeverityTexts))
        field("severity_number", int: otelSeverityNumbers[levelIndex])
        fieldMessage("body")
        key("trace_id"); hexString(digits: 32)
        key("span_id"); hexString(digits: 16)
        field("trace_flags", int: 1)
        key("resource"); openObject()
        field("service.name", pick: Vocabulary.services)
        field("service.version", "1.4.2")
        closeObject()
        if drawNested() || isError {
            key("attributes"); openObject()
            field("http.request.method", pick: Vocabulary.methods)
            key("url.path"); string(rng.pick(Vocabulary.paths))
            field("http.response.status_code", int: httpStatus)
            if isError {
                field("exception.type", "FetchError")
                fieldMessage("exception.message")
                composeNodeStack()
                fieldDetail("exception.stacktrace")
            }
            closeObject()
        }
        closeObject()
    }
}

private let gcpSeverities: [StaticString] = ["DEFAULT", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]
private let otelSeverityTexts: [StaticString] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]
private let otelSeverityNumbers = [1, 5, 9, 13, 17, 21]
