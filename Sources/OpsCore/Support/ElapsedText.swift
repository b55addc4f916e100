/// How long something took, in at most six columns up to 99 hours: `812ms`, `3.2s`, `2m05s`,
/// `1h02m`. The journal's report and the History pane write durations alike.
public enum ElapsedText {
    public static func of(milliseconds: Int64) -> String {
        let milliseconds = max(0, milliseconds)
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        let tenths = milliseconds / 100
        if milliseconds < 60_000 { return "\(tenths / 10).\(tenths % 10)s" }
        let seconds = milliseconds / 1000
        if seconds < 3600 { return "\(seconds / 60)m" + twoDigits(seconds % 60) + "s" }
        let minutes = seconds / 60
        return "\(minutes / 60)h" + twoDigits(minutes % 60) + "m"
    }

    private static func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
