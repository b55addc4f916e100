extension LevelMapper {
    /// Which numbering a numeric level uses; the caller knows it from the key name
    /// (`severityNumber`, `levelno`, `level_value`…) or the detected library.
    public enum NumericScale: Sendable, CaseIterable {
        /// pino/bunyan `level`: 10 trace … 60 fatal.
        case pino
        /// OpenTelemetry `severityNumber` 1–24 (0 is "unspecified").
        case otelSeverityNumber
        /// syslog/journald `PRIORITY`, PRI % 8: 0 emerg … 7 debug.
        case syslog
        /// Google Cloud `severity` as a number: 0 DEFAULT, 100 DEBUG … 800 EMERGENCY.
        case gcp
        /// Python `levelno`: 10 DEBUG … 50 CRITICAL.
        case pythonLevelno
        /// logstash-logback-encoder `level_value`: 5000 TRACE … 40000 ERROR, log4j FATAL 50000.
        case logbackLevelValue
        /// java.util.logging: 300 FINEST … 1000 SEVERE.
        case javaUtilLogging
        /// Go log/slog: DEBUG −4, INFO 0, WARN 4, ERROR 8.
        case slog
        /// zerolog's `Level`: −1 trace … 5 panic.
        case zerolog
        /// semantic_logger `level_index` 0 trace … 5 fatal.
        case semanticLoggerIndex
        /// winston's npm levels: 0 error … 6 silly.
        case winstonNpm
    }

    /// A numeric level on a scale (reference: log-formats.md §8, numbers table). Scales with
    /// gaps between named values (pino, GCP, python, logback, java.util.logging, slog) round down
    /// to the nearest named level, since custom levels sit between the standard ones
    /// (python's 25, slog's `INFO+2`); values below the lowest named level are nil. Scales that
    /// are plain enumerations (syslog, zerolog, semantic_logger, winston, OTel's 1–24) know only
    /// their own values.
    public static func level(number n: Int64, scale: NumericScale) -> LogLevel? {
        switch scale {
        case .pino:
            // A bare 0–7 is not pino: it is more likely syslog or an unknown scale.
            switch n {
            case ..<10: nil
            case ..<20: .trace
            case ..<30: .debug
            case ..<40: .info
            case ..<50: .warn
            case ..<60: .error
            default: .fatal
            }
        case .otelSeverityNumber:
            switch n {
            case 1...4: .trace
            case 5...8: .debug
            case 9...12: .info
            case 13...16: .warn
            case 17...20: .error
            case 21...24: .fatal
            default: nil
            }
        case .syslog:
            switch n {
            case 0...2: .fatal
            case 3: .error
            case 4: .warn
            case 5: .notice
            case 6: .info
            case 7: .debug
            default: nil
            }
        case .gcp:
            switch n {
            case ..<0: nil
            case ..<100: .info  // DEFAULT
            case ..<200: .debug
            case ..<300: .info
            case ..<400: .notice
            case ..<500: .warn
            case ..<600: .error
            default: .fatal  // CRITICAL, ALERT, EMERGENCY
            }
        case .pythonLevelno:
            switch n {
            case ..<5: nil  // NOTSET is 0
            case ..<10: .trace
            case ..<20: .debug
            case ..<30: .info
            case ..<40: .warn
            case ..<50: .error
            default: .fatal
            }
        case .logbackLevelValue:
            switch n {
            case ..<5000: nil
            case ..<10000: .trace
            case ..<20000: .debug
            case ..<30000: .info
            case ..<40000: .warn
            case ..<50000: .error
            default: .fatal
            }
        case .javaUtilLogging:
            switch n {
            case ..<300: nil
            case ..<500: .trace  // FINEST, FINER
            case ..<800: .debug  // FINE, CONFIG
            case ..<900: .info
            case ..<1000: .warn
            default: .error  // SEVERE; j.u.l. has nothing above it
            }
        case .slog:
            switch n {
            case ..<(-4): .trace
            case ..<0: .debug
            case ..<4: .info
            case ..<8: .warn
            case ..<12: .error
            default: .fatal
            }
        case .zerolog:
            switch n {
            case -1: .trace
            case 0: .debug
            case 1: .info
            case 2: .warn
            case 3: .error
            case 4, 5: .fatal  // fatal, panic
            default: nil  // 6 no level, 7 disabled
            }
        case .semanticLoggerIndex:
            switch n {
            case 0: .trace
            case 1: .debug
            case 2: .info
            case 3: .warn
            case 4: .error
            case 5: .fatal
            default: nil
            }
        case .winstonNpm:
            switch n {
            case 0: .error
            case 1: .warn
            case 2, 3: .info  // info, http
            case 4, 5: .debug  // verbose, debug
            case 6: .trace  // silly
            default: nil
            }
        }
    }
}
