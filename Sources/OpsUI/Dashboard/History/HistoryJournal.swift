import OpsCore

/// How much of the journal the History pane reads (its tail: `JournalTail`) and keeps: far more
/// than the pane shows.
public enum HistoryJournal {
    /// Bytes read from the end of the journal (a few thousand actions of ~300-byte lines).
    public static let tailBytes = 2 << 20
    /// Actions kept per service: more than a History pane is ever scrolled through.
    public static let keptActions = 100
}
