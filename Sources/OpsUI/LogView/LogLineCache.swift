import OpsCore

/// The styled first lines of records, remembered from frame to frame: following a busy log,
/// each frame would otherwise format, redact and sanitise every record on screen again. A
/// memo, not state: the renderer draws the same with or without it. Owned by the one UI thread.
public final class LogLineCache {
    struct Key: Hashable {
        /// The record's number since the view started (store position plus records dropped).
        var record: Int
        var sourceWidth: Int
        /// Which time style, and for relative times the instant they count back from.
        var time: Int64
    }

    private var lines: [Key: StyledLine] = [:]
    /// More lines than this and the cache starts afresh (a screen holds a few dozen).
    static let capacity = 4096

    public init() {}

    func line(_ key: Key, make: () -> StyledLine) -> StyledLine {
        if let line = lines[key] { return line }
        if lines.count >= LogLineCache.capacity { lines.removeAll(keepingCapacity: true) }
        let line = make()
        lines[key] = line
        return line
    }
}
