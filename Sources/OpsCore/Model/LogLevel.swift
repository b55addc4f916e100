/// The canonical severity of a log record. `unknown` sorts below everything so that a
/// minimum-level filter (`--level warn`) never lets an unclassified line through by accident.
public enum LogLevel: UInt8, Comparable, CaseIterable, Sendable {
    case unknown = 0, trace, debug, info, notice, warn, error, fatal

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The name used in `--output json` and on screen.
    public var name: String {
        switch self {
        case .unknown: "unknown"
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warn: "warn"
        case .error: "error"
        case .fatal: "fatal"
        }
    }

    /// Parses a canonical name as a user types it on the command line (`--level warn`).
    public init?(canonicalName: String) {
        guard let level = LogLevel.allCases.first(where: { $0.name == canonicalName.lowercased() }) else {
            if canonicalName.lowercased() == "warning" { self = .warn; return }
            return nil
        }
        self = level
    }
}
