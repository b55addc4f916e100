/// What a key asks of the log view.
public enum LogViewIntent: Hashable, Sendable {
    case lineUp, lineDown, pageUp, pageDown, halfPageUp, halfPageDown, scrollLeft, scrollRight
    case top, followTail
    case search, nextMatch, previousMatch
    case nextError, previousError, nextWarning, previousWarning
    case cycleLevel, editFilter, toggleTimestamps, toggleWrap, save
    case openDetail, detailDown, detailUp, close, help, command, quit
}

extension Keymap where Intent == LogViewIntent {
    /// The keys of `opsdeck view`, as lnav and less users expect them.
    public static let logView = Keymap([
        KeyBinding([.character("j"), .down], .lineDown, section: "Move", "down one record"),
        KeyBinding([.character("k"), .up], .lineUp, section: "Move", "up one record (pauses following)"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, section: "Move", "down a page"),
        KeyBinding([.pageUp, .character("b")], .pageUp, section: "Move", "up a page"),
        KeyBinding([.control("d")], .halfPageDown, section: "Move", "down half a page"),
        KeyBinding([.control("u")], .halfPageUp, section: "Move", "up half a page"),
        KeyBinding([.left, .character("h")], .scrollLeft, section: "Move", "scroll left (wrap off)"),
        KeyBinding([.right], .scrollRight, section: "Move", "scroll right (wrap off)"),
        KeyBinding([.character("g"), .home], .top, section: "Move", "first record"),
        KeyBinding([.character("G"), .end], .followTail, section: "Move", "last record, and follow new ones"),
        KeyBinding([.character("/")], .search, section: "Find", "search text"),
        KeyBinding([.character("n")], .nextMatch, section: "Find", "next match"),
        KeyBinding([.character("N")], .previousMatch, section: "Find", "previous match"),
        KeyBinding([.character("e")], .nextError, section: "Find", "next error"),
        KeyBinding([.character("E")], .previousError, section: "Find", "previous error"),
        KeyBinding([.character("w")], .nextWarning, section: "Find", "next warning"),
        KeyBinding([.character("W")], .previousWarning, section: "Find", "previous warning"),
        KeyBinding([.character("l")], .cycleLevel, section: "Filter", "cycle the minimum level"),
        KeyBinding([.character("f")], .editFilter, section: "Filter", #"edit the filter: level>=warn user_id=42 "timeout""#),
        KeyBinding([.character("t")], .toggleTimestamps, section: "Show", "timestamps: absolute, relative, off"),
        KeyBinding([.character("z")], .toggleWrap, section: "Show", "wrap long lines"),
        KeyBinding([.enter], .openDetail, section: "Show", "the record as pretty JSON"),
        KeyBinding([.character("J")], .detailDown, section: "Show", "scroll the record's detail down"),
        KeyBinding([.character("K")], .detailUp, section: "Show", "scroll the record's detail up"),
        KeyBinding([.escape], .close, section: "Show", "close the detail, dialog or prompt"),
        KeyBinding([.character("s")], .save, section: "Other", "save what the filter shows (JSON lines)"),
        KeyBinding([.character(":")], .command, section: "Other", "command line"),
        KeyBinding([.character("?")], .help, section: "Other", "this help"),
        KeyBinding([.character("q")], .quit, section: "Other", "quit"),
    ])
}
