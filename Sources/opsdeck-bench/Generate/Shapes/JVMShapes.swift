/// JVM loggers: logstash-logback-encoder, log4j2's ECS layout, and Spring Boot's plain console
/// pattern (whose error lines are sometimes followed by a stack trace, one frame a line).
extension RecordComposer {
    /// `{"@timestamp":"…+01:00","@version":"1","message":"…","logger_name":"…","thread_name":"…",
    /// "level":"INFO","level_value":20000,"traceId":"…","spanId":"…","stack_trace":"…"}`
    mutating func writeLogstashLogback() {
        style = .jackson
        openObject()
        key("@timestamp"); timestampString(.isoMillis(offsetMinutes: 60))
        field("@version", "1")
        fieldMessage("message")
        field("logger_name", pick: Vocabulary.javaLoggers)
        field("thread_name", pick: Vocabulary.javaThreads)
        field("level", levelName(logbackLevels))
        field("level_value", int: logbackLevelValues[levelIndex])
        if drawNested() {
            key("traceId"); hexString(digits: 32)
            key("spanId"); hexString(digits: 16)
            key("http"); openObject()
            field("method", pick: Vocabulary.methods)
            key("uri"); string(rng.pick(Vocabulary.paths))
            field("status", int: httpStatus)
            closeObject()
        }
        if isError {
            composeJavaStack()
            fieldDetail("stack_trace")
        }
        closeObject()
    }

    /// log4j2 JsonTemplateLayout with EcsLayout.json: flat dotted keys (`log.level`, `error.type`).
    mutating func writeLog4j2ECS() {
        style = .jackson
        openObject()
        key("@timestamp"); timestampString(.isoMillisZ)
        field("ecs.version", "1.2.0")
        field("log.level", levelName(log4jLevels))
        fieldMessage("message")
        field("process.thread.name", pick: Vocabulary.javaThreads)
        field("log.logger", pick: Vocabulary.javaLoggers)
        if drawNested() {
            key("labels"); openObject()
            key("requestId"); uuidString()
            key("user"); string(rng.pick(Vocabulary.users))
            closeObject()
            key("tags"); openArray(); nextItem(); string("checkout"); closeArray()
        }
        if isError {
            composeJavaStack()
            field("error.type", "java.lang.IllegalStateException")
            fieldMessage("error.message")
            fieldDetail("error.stack_trace")
        }
        closeObject()
    }

    /// Spring Boot 3 console pattern:
    /// `2024-11-28T14:20:00.123+01:00  INFO 1 --- [orders] [nio-8080-exec-1] c.e.orders.OrderService                  : …`
    mutating func writeSpringText() {
        out.appendTimestamp(nanos: nanos, .isoMillis(offsetMinutes: 60))
        out.append(UInt8(ascii: " "))
        out.append(springLevels[levelIndex])
        out.append(" 1 --- [orders] [")
        out.append(rng.pick(springThreads))
        out.append("] ")
        out.append(rng.pick(springLoggers))
        out.append(" : ")
        appendPlainMessage()
    }
}

private let logbackLevels: [StaticString] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "ERROR"]
private let logbackLevelValues = [5_000, 10_000, 20_000, 30_000, 40_000, 40_000]
private let log4jLevels: [StaticString] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]
/// `%5p`: right-aligned to five characters.
private let springLevels: [StaticString] = ["TRACE", "DEBUG", " INFO", " WARN", "ERROR", "ERROR"]
/// `%15.15t`: right-aligned and cut to fifteen characters.
private let springThreads: [StaticString] = ["nio-8080-exec-1", "nio-8080-exec-7", "           main", "   scheduling-1"]
/// `%-40.40logger{39}`: abbreviated and padded to forty characters.
private let springLoggers: [StaticString] = [
    "c.e.orders.OrderService                 ",
    "c.e.web.OrderController                 ",
    "o.s.web.servlet.DispatcherServlet       ",
    "com.zaxxer.hikari.pool.HikariPool       ",
]
