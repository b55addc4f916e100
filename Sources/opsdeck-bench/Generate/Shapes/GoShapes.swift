/// Go loggers: zap, zerolog and logrus/slog/klog JSON. zap and zerolog have their own encoders
/// (no HTML escaping); logrus, slog and klog go through encoding/json rules (`<>&` escaped).
extension RecordComposer {
    /// zap production: `{"level":"error","ts":1732800000.1234567,"caller":"…","msg":"…","http":{…},"error":"…","stacktrace":"…"}`
    mutating func writeZap() {
        style = .goFast
        openObject()
        field("level", levelName(zapLevels))
        key("ts"); out.appendEpochSeconds(nanos: nanos, fractionDigits: 7)
        if rng.chance(perMille: 300) { field("logger", pick: Vocabulary.services) }
        field("caller", pick: Vocabulary.goCallers)
        fieldMessage("msg")
        if drawNested() {
            key("http"); openObject()
            field("method", pick: Vocabulary.methods)
            key("path"); string(rng.pick(Vocabulary.paths))
            field("status", int: httpStatus)
            key("latency"); out.appendEpochSeconds(nanos: Int64(rng.inRange(100_000...900_000_000)), fractionDigits: 9)
            key("headers"); headersObject()
            closeObject()
        }
        if isError {
            key("error"); goErrorString()
            composeGoStack()
            fieldDetail("stacktrace")
        }
        closeObject()
    }

    /// zerolog with `.With().Timestamp().Caller()`: RFC 3339 seconds in local time, `message`,
    /// and on errors the pkgerrors stack marshaller's array of frames.
    mutating func writeZerolog() {
        style = .goFast
        openObject()
        field("level", levelName(zerologLevels))
        field("service", pick: Vocabulary.services)
        if drawNested() { key("user"); userObject() }
        if isError {
            key("error"); goErrorString()
            key("stack"); openArray()
            for frame in zerologFrames.prefix(rng.inRange(1...zerologFrames.count)) {
                nextItem(); openObject()
                field("func", frame.function); field("line", frame.line); field("source", frame.source)
                closeObject()
            }
            closeArray()
        }
        key("time"); timestampString(.rfc3339Seconds(offsetMinutes: 60))
        key("caller"); string("/app/cmd/api/main.go:31")
        fieldMessage("message")
        closeObject()
    }

    /// logrus JSONFormatter: keys sorted alphabetically, `warning`, RFC 3339 seconds.
    mutating func writeLogrusJSON() {
        style = .goEncodingJSON
        openObject()
        field("component", pick: Vocabulary.services)
        if isError { key("error"); goErrorString() }
        field("level", levelName(logrusLevels))
        fieldMessage("msg")
        if drawNested() { key("req"); requestObject() }
        key("request_id"); uuidString()
        key("time"); timestampString(.rfc3339SecondsZ)
        closeObject()
    }

    /// log/slog JSONHandler: RFC3339Nano in local time, UPPERCASE levels (`DEBUG-4`, `ERROR+4` for
    /// custom ones), groups as nested objects, `source` with AddSource.
    mutating func writeSlogJSON() {
        style = .goEncodingJSON
        openObject()
        key("time"); timestampString(.rfc3339Nano(offsetMinutes: 120))
        field("level", levelName(slogLevels))
        if rng.chance(perMille: 250) {
            key("source"); openObject()
            field("function", "main.(*Server).handleOrder")
            field("file", "/app/internal/server/orders.go")
            field("line", int: rng.inRange(20...400))
            closeObject()
        }
        fieldMessage("msg")
        if drawNested() {
            key("request"); openObject()
            field("method", pick: Vocabulary.methods)
            key("path"); string(rng.pick(Vocabulary.paths))
            key("headers"); headersObject()
            closeObject()
        }
        field("status", int: httpStatus)
        if isError { key("err"); goErrorString() }
        closeObject()
    }

    /// Kubernetes klog `--logging-format=json`: `ts` epoch seconds, no level key; `v` is the
    /// verbosity, and `ErrorS` lines carry `err` and no `v`.
    mutating func writeKlogJSON() {
        style = .goEncodingJSON
        openObject()
        key("ts"); out.appendEpochSeconds(nanos: nanos, fractionDigits: 6)
        field("caller", pick: klogCallers)
        fieldMessage("msg")
        if isError { key("err"); goErrorString() } else { field("v", int: klogVerbosity[levelIndex]) }
        if drawNested() {
            key("pod"); openObject()
            field("name", pick: Vocabulary.hosts)
            field("namespace", "shop")
            closeObject()
        }
        closeObject()
    }
}

private let zapLevels: [StaticString] = ["debug", "debug", "info", "warn", "error", "fatal"]
private let zerologLevels: [StaticString] = ["trace", "debug", "info", "warn", "error", "fatal"]
private let logrusLevels: [StaticString] = ["trace", "debug", "info", "warning", "error", "fatal"]
private let slogLevels: [StaticString] = ["DEBUG-4", "DEBUG", "INFO", "WARN", "ERROR", "ERROR+4"]
/// Trace and debug messages are logged at high verbosity, the rest at V(0).
private let klogVerbosity = [6, 4, 0, 0, 0, 0]
private let klogCallers: [StaticString] = ["node/controller.go:212", "scheduler/schedule_one.go:98",
                                           "kubelet/kubelet_pods.go:1043", "endpointslice/reconciler.go:312"]
private let zerologFrames: [(function: StaticString, line: StaticString, source: StaticString)] = [
    ("(*Server).handleOrder", "88", "orders.go"),
    ("HandlerFunc.ServeHTTP", "2220", "server.go"),
    ("(*conn).serve", "2092", "server.go"),
]
