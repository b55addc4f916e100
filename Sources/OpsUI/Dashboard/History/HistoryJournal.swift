import OpsCore

/// The History pane's share of the journal: the newest actions of one service, read from the end
/// of the file. Only the tail is read so that a journal of years (100k lines and more) costs the
/// same as a young one; what the tail holds is far more than the pane shows.
public enum HistoryJournal {
    /// Bytes read from the end of the journal (a few thousand actions of ~300-byte lines).
    public static let tailBytes = 2 << 20
    /// Actions kept per service: more than a History pane is ever scrolled through.
    public static let keptActions = 100

    /// The actions of `key` found in `tail`, the last bytes of a journal, newest first, at most
    /// `limit`. When the tail starts inside a line (`startsMidLine`), that partial line is dropped
    /// rather than reported. Damaged lines are skipped (counted in `skippedLines`); an action whose
    /// `started` line lies before the tail is shown from its later lines.
    public static func actions(of key: ServiceKey, tail: [UInt8], startsMidLine: Bool, limit: Int = keptActions)
        -> (actions: [JournalAction], skippedLines: Int) {
        var start = tail.startIndex
        if startsMidLine {
            guard let newline = tail.firstIndex(of: 0x0A) else { return ([], 0) }
            start = newline + 1
        }
        let history = JournalReader.history(bytes: Array(tail[start...]))
        let mine = history.actions.filter { $0.key == key }
        return (newestFirst(mine, limit: limit), history.problems.count)
    }

    /// Newest first by start, at most `limit`.
    static func newestFirst(_ actions: [JournalAction], limit: Int) -> [JournalAction] {
        Array(actions.sorted { $0.startedAt > $1.startedAt }.prefix(max(0, limit)))
    }
}
