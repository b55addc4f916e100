/// Every line shape the generator writes, with its share of the lines and what a reader finds
/// in it: a JSON value, a JSON value after a tool's prefix, or text.
enum LogShape: Int, CaseIterable, Sendable {
    case pino, bunyan, winston
    case zap, zerolog, logrusJSON, slogJSON, klogJSON
    case structlogISO, structlogEpoch, pythonJSONLogger, loguru
    case logstashLogback, log4j2ECS
    case serilogCLEF, dotnetJSONConsole
    case rustTracing
    case gcpStructured, otelFlat
    case dockerJSONFile, kubectlPrefixed
    case logrusText, slogText, springText, nginxAccess
    /// A line of a Java stack trace following a Spring error line; never drawn, only follows.
    case javaStackTraceLine

    enum Payload: Sendable { case json, prefixedJSON, text }

    var payload: Payload {
        switch self {
        case .kubectlPrefixed: .prefixedJSON
        case .logrusText, .slogText, .springText, .nginxAccess, .javaStackTraceLine: .text
        default: .json
        }
    }

    /// Lines per thousand: Node and Go loggers dominate container logs, every other shape still
    /// appears thousands of times in a million lines.
    var perMille: Int {
        switch self {
        case .pino: 110
        case .bunyan: 40
        case .winston: 58
        case .zap: 100
        case .zerolog: 55
        case .logrusJSON: 40
        case .slogJSON: 80
        case .klogJSON: 35
        case .structlogISO: 35
        case .structlogEpoch: 15
        case .pythonJSONLogger: 30
        case .loguru: 12
        case .logstashLogback: 50
        case .log4j2ECS: 30
        case .serilogCLEF: 30
        case .dotnetJSONConsole: 18
        case .rustTracing: 25
        case .gcpStructured: 22
        case .otelFlat: 15
        case .dockerJSONFile: 60
        case .kubectlPrefixed: 40
        case .logrusText: 30
        case .slogText: 30
        case .springText: 25
        case .nginxAccess: 15
        case .javaStackTraceLine: 0
        }
    }

    var name: StaticString {
        switch self {
        case .pino: "pino"
        case .bunyan: "bunyan"
        case .winston: "winston"
        case .zap: "zap"
        case .zerolog: "zerolog"
        case .logrusJSON: "logrus-json"
        case .slogJSON: "slog-json"
        case .klogJSON: "klog-json"
        case .structlogISO: "structlog-iso"
        case .structlogEpoch: "structlog-epoch"
        case .pythonJSONLogger: "python-json-logger"
        case .loguru: "loguru"
        case .logstashLogback: "logstash-logback"
        case .log4j2ECS: "log4j2-ecs"
        case .serilogCLEF: "serilog-clef"
        case .dotnetJSONConsole: "dotnet-json-console"
        case .rustTracing: "rust-tracing"
        case .gcpStructured: "gcp-structured"
        case .otelFlat: "otel-flat"
        case .dockerJSONFile: "docker-json-file"
        case .kubectlPrefixed: "kubectl-prefixed"
        case .logrusText: "logrus-text"
        case .slogText: "slog-text"
        case .springText: "spring-text"
        case .nginxAccess: "nginx-access"
        case .javaStackTraceLine: "java-stack-trace"
        }
    }

    /// One entry per thousandth, so drawing a shape is one random index.
    static let byRoll: [LogShape] = allCases.flatMap { Array(repeating: $0, count: $0.perMille) }
}
