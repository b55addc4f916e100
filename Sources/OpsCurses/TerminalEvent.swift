import OpsUI

/// What the UI loop wakes up for.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// The terminal changed size; curses already knows the new size.
    case resize(Size)
    /// Another thread called `CursesTerminal.wake()` (new log records, a finished effect).
    case wake
    /// SIGINT, SIGTERM or SIGHUP arrived. The terminal is already restored; the caller should
    /// finish what must be finished (the journal) and exit, e.g. with
    /// `CursesTerminal.exitBySignal(_:)` so the parent sees how the process ended.
    case terminate(signal: Int32)
}
