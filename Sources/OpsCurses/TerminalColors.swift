import CNcurses

/// How many colours the terminal supports, as its terminfo entry says, with NO_COLOR honoured.
/// Used by line-mode output (`opsdeck logs`) that writes SGR sequences without taking over the screen.
public enum TerminalColors {
    /// 0 when colour must not be used: NO_COLOR set, TERM unset, `dumb`, or unknown to terminfo.
    public static func supportedCount(environment: [String: String]) -> Int {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return 0 }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return 0 }
        let colors = term.withCString { cn_terminfo_colors($0) }
        return max(0, Int(colors))
    }
}
