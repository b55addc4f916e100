/// Node.js loggers: pino, bunyan, winston. JSON.stringify escaping, UTF-8 kept raw.
extension RecordComposer {
    /// `{"level":30,"time":1732800000123,"pid":7,"hostname":"…","req":{…},"res":{…},"err":{…},"msg":"…"}`
    mutating func writePino() {
        style = .node
        openObject()
        field("level", int: pinoLevels[levelIndex])
        key("time"); out.appendEpochMillis(nanos: nanos)
        field("pid", int: rng.inRange(1...64))
        field("hostname", pick: Vocabulary.hosts)
        if drawNested() {
            key("req"); requestObject()
            key("res"); openObject(); field("statusCode", int: httpStatus); closeObject()
            field("responseTime", int: rng.inRange(1...2_000))
        }
        if isError {
            composeNodeStack()
            key("err"); openObject()
            field("type", "Error")
            fieldMessage("message")
            fieldDetail("stack")
            closeObject()
        }
        fieldMessage("msg")
        closeObject()
    }

    /// `{"name":"billing","hostname":"…","pid":1,"level":50,"err":{…},"msg":"…","time":"…Z","v":0}`
    mutating func writeBunyan() {
        style = .node
        openObject()
        field("name", pick: Vocabulary.services)
        field("hostname", pick: Vocabulary.hosts)
        field("pid", int: rng.inRange(1...64))
        field("level", int: pinoLevels[levelIndex])
        if drawNested() { key("req"); requestObject() }
        if isError {
            composeNodeStack()
            key("err"); openObject()
            fieldMessage("message")
            field("name", "Error")
            fieldDetail("stack")
            if rng.chance(perMille: 500) { field("code", "ECONNREFUSED") }
            closeObject()
        }
        fieldMessage("msg")
        key("time"); timestampString(.isoMillisZ)
        field("v", int: 0)
        closeObject()
    }

    /// winston `combine(timestamp(), errors({stack: true}), json())`:
    /// `{"level":"info","message":"…","stack":"…","service":"…","timestamp":"…Z"}`. A few lines were
    /// written through `colorize()`, which puts ANSI escapes inside the level value.
    mutating func writeWinston() {
        style = .node
        openObject()
        key("level")
        if rng.chance(perMille: 50) {
            out.append("\"\\u001b[32m"); out.append(levelName(winstonLevels)); out.append("\\u001b[39m\"")
        } else if level == .info && rng.chance(perMille: 100) {
            string("http")
        } else {
            string(levelName(winstonLevels))
        }
        fieldMessage("message")
        if isError {
            composeNodeStack()
            fieldDetail("stack")
        }
        field("service", pick: Vocabulary.services)
        if drawNested() { key("user"); userObject() }
        key("timestamp"); timestampString(.isoMillisZ)
        closeObject()
    }
}

/// pino and bunyan share the numeric scale.
private let pinoLevels = [10, 20, 30, 40, 50, 60]
private let winstonLevels: [StaticString] = ["silly", "debug", "info", "warn", "error", "error"]
