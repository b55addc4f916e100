/// Styles for line-mode output (`opsdeck logs` to a terminal): each role as an SGR sequence in
/// the 8 basic colours every terminal has, or nothing at all when colour is off.
public struct ANSILineStyle: Sendable {
    public let enabled: Bool

    public init(colors: Int) { enabled = colors >= 8 }

    public static let plain = ANSILineStyle(colors: 0)

    static func sgr(_ role: Role) -> String? {
        switch role {
        case .text, .logFieldValue, .logUnknown: nil
        case .dim, .logTime, .logFieldKey, .logStack, .logTrace: "2"
        case .logSource, .logNotice: "36"
        case .logDebug: "34"
        case .logInfo: "32"
        case .logWarn: "33"
        case .logError: "1;31"
        case .logFatal: "1;37;41"
        case .logMarker: "1;35"
        case .searchMatch, .selection: "7"
        case .paneBorder, .helpText, .statusBar, .dialog, .input: nil
        case .paneBorderFocused, .paneTitle, .dialogTitle, .helpKey: "1"
        case .statusInfo, .sparkline: "36"
        case .statusWarning: "33"
        case .statusError: "1;31"
        case .statusRunning: "32"
        case .statusPending: "36"
        case .statusStopped: "2"
        case .statusDegraded: "33"
        case .statusFailed: "1;31"
        }
    }

    /// The line as text, with SGR sequences around styled spans when enabled.
    public func render(_ line: StyledLine) -> String {
        guard enabled else { return line.plainText }
        var out = ""
        for span in line {
            if let code = ANSILineStyle.sgr(span.role), !span.text.isEmpty {
                out += "\u{1B}[" + code + "m" + span.text + "\u{1B}[0m"
            } else {
                out += span.text
            }
        }
        return out
    }
}
