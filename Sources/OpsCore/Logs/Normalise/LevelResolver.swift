/// Decides a record's level from its analysis, following each logger's convention, including
/// the ones where a missing key carries meaning (Serilog, klog, lograge).
struct LevelResolver {
    /// Per candidate rank, the numeric scale a number under that key is read on. Looked up by
    /// rank so the hot path compares no strings.
    private let textKeyScales: [LevelMapper.NumericScale] = KeyRoles.levelTextKeys.map(LevelResolver.scale(forTextKey:))
    private let numericKeyScales: [LevelMapper.NumericScale] = KeyRoles.levelNumericKeys.map(LevelResolver.scale(forNumericKey:))

    func level(_ analysis: ObjectAnalysis, _ view: JSONObjectView) -> LogLevel {
        levelAndSource(analysis, view).level
    }

    /// The level and the member it was read from (nil when it came from a convention).
    func levelAndSource(_ analysis: ObjectAnalysis, _ view: JSONObjectView) -> (level: LogLevel, index: Int?) {
        if let pick = analysis.levelText, let level = textLevel(pick, view) { return (level, pick.index) }
        if let pick = analysis.levelNumeric, let level = numericLevel(pick, view) { return (level, pick.index) }
        if analysis.signals.contains(.nestedLog), let level = nestedECSLevel(view) { return (level, nil) }
        if let level = conventionalLevel(analysis, view) { return (level, nil) }
        return (analysis.error != nil ? .error : .unknown, nil)
    }

    /// `level`, `severity`, `@l`, `levelname`, ... holding a word, or a number on the key's scale.
    private func textLevel(_ pick: ObjectAnalysis.Pick, _ view: JSONObjectView) -> LogLevel? {
        let scale = textKeyScales[Int(pick.rank)]
        switch view.kind(pick.index) {
        case .number: return LevelMapper.level(number: view.valueBytes(pick.index), scale: scale)
        case .string where scale != .syslog: return LevelMapper.level(word: view.valueBytes(pick.index)) // the common case, no copy
        default: break
        }
        if scale == .syslog {
            // journald writes the syslog priority as a digit string.
            if let level = view.withStringBytes(pick.index, { LevelMapper.level(number: $0, scale: .syslog) }) ?? nil {
                return level
            }
        }
        return view.withStringBytes(pick.index) { LevelMapper.level(word: $0) } ?? nil
    }

    private static func scale(forNumericKey key: String) -> LevelMapper.NumericScale {
        switch key {
        case "level_value": .logbackLevelValue
        case "levelno": .pythonLevelno
        case "level_index": .semanticLoggerIndex
        default: .otelSeverityNumber
        }
    }

    private static func scale(forTextKey key: String) -> LevelMapper.NumericScale {
        switch key {
        case "severity", "logging.googleapis.com/severity": .gcp
        case "PRIORITY", "priority": .syslog
        case "severityText", "severity_text", "SeverityText": .otelSeverityNumber
        default: .pino
        }
    }

    private func numericLevel(_ pick: ObjectAnalysis.Pick, _ view: JSONObjectView) -> LogLevel? {
        let scale = numericKeyScales[Int(pick.rank)]
        if view.kind(pick.index) == .number { return LevelMapper.level(number: view.valueBytes(pick.index), scale: scale) }
        return view.withStringBytes(pick.index) { LevelMapper.level(number: $0, scale: scale) } ?? nil
    }

    /// ECS written nested: `{"log":{"level":"info"}}`.
    private func nestedECSLevel(_ view: JSONObjectView) -> LogLevel? {
        guard let i = view.index(of: "log"), let inner = view.nestedObject(i), let j = inner.index(of: "level") else { return nil }
        return inner.withStringBytes(j) { LevelMapper.level(word: $0) } ?? nil
    }

    /// Loggers that write no level key at all.
    private func conventionalLevel(_ analysis: ObjectAnalysis, _ view: JSONObjectView) -> LogLevel? {
        let signals = analysis.signals
        // Serilog CLEF leaves `@l` out for Information.
        if signals.contains(.serilogTime) || signals.contains(.serilogTemplate) {
            return analysis.error != nil ? .error : .info
        }
        // klog JSON: no level; `err` marks ErrorS lines, `v` is the verbosity.
        if signals.contains(.klogVerbosity) || (signals.contains(.caller) && analysis.time?.rank == 3) {
            if analysis.error != nil { return .error }
            if let v = view.index(of: "v"), view.kind(v) == .number,
               let verbosity = Int(String(decoding: view.valueBytes(v), as: UTF8.self)) {
                return verbosity >= 4 ? .debug : .info
            }
            return .info
        }
        // `status` is a level only when its value is a level word (Datadog), or an HTTP code
        // in a request log (lograge): never a bare number otherwise.
        if signals.contains(.httpStatus), let s = view.index(of: "status") {
            if let word = view.withStringBytes(s, { LevelMapper.level(word: $0, strict: true) }) ?? nil { return word }
            if signals.contains(.httpRequest), view.kind(s) == .number,
               let code = Int(String(decoding: view.valueBytes(s), as: UTF8.self)) {
                return code >= 500 ? .error : code >= 400 ? .warn : .info
            }
        }
        return nil
    }
}
