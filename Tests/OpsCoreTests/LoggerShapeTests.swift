import Testing
@testable import OpsCore

/// One realistic line from each logger and platform, and what it must normalise to.
struct Shape: CustomTestStringConvertible, Sendable {
    var name: String
    var line: String
    var level: LogLevel
    var time: String?
    var message: String
    var errorMessage: String? = nil
    var errorType: String? = nil
    var hasStack = false
    var traceId: String? = nil
    var source: String? = nil
    var field: (String, String)? = nil
    var testDescription: String { name }
}

@Suite struct LoggerShapeTests {
    static let shapes: [Shape] = [
        Shape(name: "pino", line: #"{"level":50,"time":1714564800123,"pid":7,"hostname":"api-5d9c","err":{"type":"Error","message":"ECONNREFUSED","stack":"Error: ECONNREFUSED\n    at connect (net.js:1:1)"},"msg":"db connect failed"}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "db connect failed", errorMessage: "ECONNREFUSED",
              errorType: "Error", hasStack: true, field: ("hostname", "api-5d9c")),
        Shape(name: "bunyan", line: #"{"name":"api","hostname":"h1","pid":1,"level":30,"msg":"listening","time":"2024-05-01T12:00:00.123Z","v":0}"#,
              level: .info, time: "2024-05-01T12:00:00.123Z", message: "listening", field: ("name", "api")),
        Shape(name: "winston colorized", line: "{\"level\":\"\\u001b[31merror\\u001b[39m\",\"message\":\"payment failed\",\"timestamp\":\"2024-05-01T12:00:00.500Z\",\"orderId\":42}",
              level: .error, time: "2024-05-01T12:00:00.500Z", message: "payment failed", field: ("orderId", "42")),
        Shape(name: "winston errors", line: #"{"level":"error","message":"boom","stack":"Error: boom\n    at x (a.js:1:1)","service":"cart"}"#,
              level: .error, time: nil, message: "boom", hasStack: true, field: ("service", "cart")),
        Shape(name: "zap", line: #"{"level":"error","ts":1714564800.0473,"logger":"http","caller":"server/handler.go:42","msg":"request failed","error":"context deadline exceeded","stacktrace":"main.handler\n\t/app/main.go:42"}"#,
              level: .error, time: "2024-05-01T12:00:00.047Z", message: "request failed", errorMessage: "context deadline exceeded",
              hasStack: true, field: ("caller", "server/handler.go:42")),
        Shape(name: "zap dpanic", line: #"{"level":"dpanic","ts":1714564800,"msg":"invariant broken"}"#,
              level: .fatal, time: "2024-05-01T12:00:00.000Z", message: "invariant broken"),
        Shape(name: "zerolog", line: #"{"level":"warn","time":"2024-05-01T14:00:00+02:00","message":"slow query","duration_ms":812}"#,
              level: .warn, time: "2024-05-01T12:00:00.000Z", message: "slow query", field: ("duration_ms", "812")),
        Shape(name: "logrus", line: #"{"level":"warning","msg":"disk almost full","time":"2024-05-01T12:00:00Z","used":"91%"}"#,
              level: .warn, time: "2024-05-01T12:00:00.000Z", message: "disk almost full", field: ("used", "91%")),
        Shape(name: "slog", line: #"{"time":"2024-05-01T12:00:00.123456789+00:00","level":"ERROR+4","msg":"out of memory","source":{"function":"main.run","file":"/app/main.go","line":9}}"#,
              level: .fatal, time: "2024-05-01T12:00:00.123Z", message: "out of memory"),
        Shape(name: "slog info", line: #"{"time":"2024-05-01T12:00:00.1Z","level":"INFO","msg":"hello","user":{"id":42}}"#,
              level: .info, time: "2024-05-01T12:00:00.100Z", message: "hello", field: ("user.id", "42")),
        Shape(name: "klog info", line: #"{"ts":1714564800.0473,"caller":"node/controller.go:212","msg":"Syncing node","node":{"name":"n1"},"v":2}"#,
              level: .info, time: "2024-05-01T12:00:00.047Z", message: "Syncing node", field: ("node.name", "n1")),
        Shape(name: "klog verbose", line: #"{"ts":1714564800.0473,"caller":"c.go:1","msg":"detail","v":5}"#,
              level: .debug, time: "2024-05-01T12:00:00.047Z", message: "detail"),
        Shape(name: "klog error", line: #"{"ts":1714564800.0473,"caller":"node/controller.go:212","msg":"Failed to update node status","node":{"name":"n1"},"err":"timeout"}"#,
              level: .error, time: "2024-05-01T12:00:00.047Z", message: "Failed to update node status", errorMessage: "timeout"),
        Shape(name: "structlog", line: #"{"event":"user logged in","level":"info","timestamp":"2024-05-01T12:00:00.123456Z","logger":"auth","user_id":42}"#,
              level: .info, time: "2024-05-01T12:00:00.123Z", message: "user logged in", field: ("user_id", "42")),
        Shape(name: "structlog epoch", line: #"{"event":"tick","level":"debug","timestamp":1714564800.25}"#,
              level: .debug, time: "2024-05-01T12:00:00.250Z", message: "tick"),
        Shape(name: "structlog exception", line: #"{"event":"crashed","level":"error","exception":"Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nValueError: bad"}"#,
              level: .error, time: nil, message: "crashed", hasStack: true),
        Shape(name: "python-json-logger", line: #"{"asctime":"2024-05-01 12:00:00,123","levelname":"WARNING","name":"app","message":"retrying","attempt":3}"#,
              level: .warn, time: "2024-05-01T12:00:00.123Z", message: "retrying", field: ("attempt", "3")),
        Shape(name: "loguru", line: #"{"text":"2024-05-01 12:00:00.123 | ERROR | app:run:9 - kaput\n","record":{"elapsed":{"repr":"0:00:01","seconds":1.0},"exception":null,"extra":{"request_id":"r-7"},"function":"run","level":{"icon":"x","name":"ERROR","no":40},"line":9,"message":"kaput","module":"app","name":"app","time":{"repr":"2024-05-01 12:00:00.123000+00:00","timestamp":1714564800.123}}}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "kaput", field: ("request_id", "r-7")),
        Shape(name: "logstash-logback", line: #"{"@timestamp":"2024-05-01T14:00:00.123+02:00","@version":"1","message":"Order placed","logger_name":"com.shop.Orders","thread_name":"http-1","level":"INFO","level_value":20000,"traceId":"4BF92F3577B34DA6A3CE929D0E0E4736"}"#,
              level: .info, time: "2024-05-01T12:00:00.123Z", message: "Order placed", traceId: "4bf92f3577b34da6a3ce929d0e0e4736", field: ("logger_name", "com.shop.Orders")),
        Shape(name: "logback stack", line: #"{"@timestamp":"2024-05-01T12:00:00.123Z","message":"Payment failed","level":"ERROR","level_value":40000,"stack_trace":"java.lang.IllegalStateException: no card\n\tat com.shop.Pay.charge(Pay.java:42)"}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "Payment failed", hasStack: true),
        Shape(name: "log4j2 ECS", line: #"{"@timestamp":"2024-05-01T12:00:00.123Z","log.level":"ERROR","message":"Cannot connect","ecs.version":"1.2.0","service.name":"billing","log.logger":"com.billing.Db","error.type":"java.net.ConnectException","error.message":"Connection refused","error.stack_trace":"java.net.ConnectException: Connection refused\n\tat Db.open(Db.java:1)"}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "Cannot connect", errorMessage: "Connection refused",
              errorType: "java.net.ConnectException", hasStack: true, field: ("service.name", "billing")),
        Shape(name: "ECS nested", line: #"{"@timestamp":"2024-05-01T12:00:00.123Z","log":{"level":"warn","logger":"x"},"message":"nested ecs","trace":{"id":"4bf92f3577b34da6a3ce929d0e0e4736"}}"#,
              level: .warn, time: "2024-05-01T12:00:00.123Z", message: "nested ecs", traceId: "4bf92f3577b34da6a3ce929d0e0e4736"),
        Shape(name: "Serilog CLEF", line: #"{"@t":"2024-05-01T12:00:00.1234567Z","@mt":"Charged {Amount} to {Card}","@l":"Error","@tr":"4bf92f3577b34da6a3ce929d0e0e4736","Amount":12.5,"Card":"visa-4242"}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "Charged 12.5 to visa-4242", traceId: "4bf92f3577b34da6a3ce929d0e0e4736"),
        Shape(name: "Serilog info", line: #"{"@t":"2024-05-01T12:00:00.1234567Z","@mt":"Started {@App:l}","App":"web"}"#,
              level: .info, time: "2024-05-01T12:00:00.123Z", message: "Started web"),
        Shape(name: ".NET console", line: #"{"Timestamp":"2024-05-01T12:00:00.000Z","EventId":0,"LogLevel":"Critical","Category":"Shop.Api","Message":"Unhandled","Exception":"System.Exception: boom    at Shop.Api.Run() in /src/Api.cs:line 3    at Shop.Program.Main()","State":{"Message":"Unhandled","{OriginalFormat}":"Unhandled"},"Scopes":[{"TraceId":"4bf92f3577b34da6a3ce929d0e0e4736"}]}"#,
              level: .fatal, time: "2024-05-01T12:00:00.000Z", message: "Unhandled", errorMessage: "System.Exception: boom", hasStack: true,
              traceId: "4bf92f3577b34da6a3ce929d0e0e4736", field: ("Category", "Shop.Api")),
        Shape(name: "Rust tracing", line: #"{"timestamp":"2024-05-01T12:00:00.123456Z","level":"WARN","fields":{"message":"retrying request","attempt":2},"target":"client::http"}"#,
              level: .warn, time: "2024-05-01T12:00:00.123Z", message: "retrying request", field: ("attempt", "2")),
        Shape(name: "GCP structured", line: #"{"severity":"ERROR","message":"quota exceeded","time":"2024-05-01T12:00:00.123Z","logging.googleapis.com/trace":"projects/p1/traces/4bf92f3577b34da6a3ce929d0e0e4736","logging.googleapis.com/spanId":"00f067aa0ba902b7"}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "quota exceeded", traceId: "4bf92f3577b34da6a3ce929d0e0e4736"),
        Shape(name: "GCP LogEntry", line: #"{"insertId":"x1","jsonPayload":{"message":"from payload","user":"u1"},"severity":"WARNING","timestamp":"2024-05-01T12:00:00.123Z","logName":"projects/p/logs/app","resource":{"type":"cloud_run_revision"}}"#,
              level: .warn, time: "2024-05-01T12:00:00.123Z", message: "from payload", field: ("user", "u1")),
        Shape(name: "OTel flat", line: #"{"timestamp_ns":1714564800123000000,"severity_text":"WARN","severity_number":13,"body":"cache miss","trace_id":"0x4BF92F3577B34DA6A3CE929D0E0E4736","service.name":"cart"}"#,
              level: .warn, time: "2024-05-01T12:00:00.123Z", message: "cache miss", traceId: "4bf92f3577b34da6a3ce929d0e0e4736"),
        Shape(name: "OTLP JSON", line: #"{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"cart"}}]},"scopeLogs":[{"logRecords":[{"timeUnixNano":"1714564800123000000","severityNumber":17,"body":{"stringValue":"redis timeout"},"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}]}]}]}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "redis timeout", traceId: "4bf92f3577b34da6a3ce929d0e0e4736", field: ("service.name", "cart")),
        Shape(name: "docker json-file", line: #"{"log":"{\"level\":\"warn\",\"msg\":\"inner\"}\n","stream":"stderr","time":"2024-05-01T12:00:00.123456789Z"}"#,
              level: .warn, time: "2024-05-01T12:00:00.123Z", message: "inner", field: ("stream", "stderr")),
        Shape(name: "docker json-file text", line: #"{"log":"plain text line\n","stream":"stdout","time":"2024-05-01T12:00:00.123456789Z"}"#,
              level: .unknown, time: "2024-05-01T12:00:00.123Z", message: "plain text line"),
        Shape(name: "fly --json with JSON message", line: #"{"timestamp":"2024-05-01T12:00:00.123Z","level":"info","instance":"148e4d55","region":"ams","message":"{\"level\":\"error\",\"msg\":\"charge failed\"}","meta":{"Instance":"148e4d55"}}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "charge failed", source: "148e4d55", field: ("outer.region", "ams")),
        Shape(name: "render -o json", line: #"{"id":"abc","labels":[{"name":"resource","value":"srv-1"},{"name":"level","value":"warning"}],"message":"slow","timestamp":"2024-05-01T12:00:00.123Z"}"#,
              level: .warn, time: "2024-05-01T12:00:00.123Z", message: "slow", field: ("resource", "srv-1")),
        Shape(name: "lambda JSON", line: #"{"timestamp":"2024-05-01T12:00:00.123Z","level":"ERROR","message":"handler failed","requestId":"79b4f56e-95b1-4643-9700-2807f4e68189","errorType":"KeyError","errorMessage":"'id'","stackTrace":["  File \"/var/task/app.py\", line 3, in handler\n"]}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "handler failed", errorMessage: "'id'", errorType: "KeyError", hasStack: true),
        Shape(name: "lambda platform", line: #"{"time":"2024-05-01T12:00:00.123Z","type":"platform.runtimeDone","record":{"requestId":"r1","status":"timeout"}}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "platform.runtimeDone"),
        Shape(name: "lograge", line: #"{"method":"GET","path":"/orders","format":"json","controller":"OrdersController","action":"index","status":503,"duration":12.3}"#,
              level: .error, time: nil, message: "", field: ("status", "503")),
        Shape(name: "datadog status", line: #"{"status":"warn","message":"dd style","timestamp":1714564800123}"#,
              level: .warn, time: "2024-05-01T12:00:00.123Z", message: "dd style"),
        Shape(name: "bare http status is not a level", line: #"{"status":500,"message":"proxy said"}"#,
              level: .unknown, time: nil, message: "proxy said", field: ("status", "500")),
        Shape(name: "journald", line: #"{"__REALTIME_TIMESTAMP":"1714564800123456","PRIORITY":"3","MESSAGE":"unit failed","_SYSTEMD_UNIT":"api.service"}"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "unit failed", field: ("_SYSTEMD_UNIT", "api.service")),
        Shape(name: "X-Ray trace id", line: #"{"level":"INFO","message":"x","xray_trace_id":"1-5759e988-bd862e3fe1be46a994272793"}"#,
              level: .info, time: nil, message: "x", traceId: "5759e988bd862e3fe1be46a994272793"),
        Shape(name: "logfmt logrus", line: #"time="2024-05-01T12:00:00Z" level=error msg="failed to bind" port=8080"#,
              level: .error, time: "2024-05-01T12:00:00.000Z", message: "failed to bind", field: ("port", "8080")),
        Shape(name: "logfmt grafana", line: #"t=2024-05-01T12:00:00.123Z lvl=eror msg="alert rule failed" rule=cpu"#,
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "alert rule failed", field: ("rule", "cpu")),
        Shape(name: "plain java", line: "2024-05-01 12:00:00,123 ERROR [main] c.e.App - boom",
              level: .error, time: "2024-05-01T12:00:00.123Z", message: "boom"),
        // klog headers have no year: the year of the pipeline's clock (2026) is assumed.
        Shape(name: "klog text", line: "E0501 12:00:00.123456    1 controller.go:42] sync failed",
              level: .error, time: "2026-05-01T12:00:00.123Z", message: "sync failed"),
    ]

    @Test(arguments: shapes) func normalises(_ shape: Shape) throws {
        let records = PipelineHarness.records(shape.line)
        try #require(records.count == 1, "\(records)")
        let r = records[0]
        #expect(r.level == shape.level)
        #expect(r.time?.rfc3339Milliseconds == shape.time)
        #expect(r.message == shape.message)
        if let m = shape.errorMessage { #expect(r.error?.message == m) }
        if let t = shape.errorType { #expect(r.error?.type == t) }
        if shape.hasStack { #expect(r.error?.stack?.isEmpty == false) }
        if let trace = shape.traceId { #expect(r.traceId == trace) }
        if let source = shape.source { #expect(r.source == source) }
        if let (key, value) = shape.field {
            let found = FieldCondition.resolve(key, in: r)
            #expect(found == value, "field \(key) in \(r.fields)")
        }
    }
}
