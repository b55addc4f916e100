/// Something that happened to a followed file, reported between its lines.
public enum FollowEvent: Sendable, Equatable {
    /// The path names no file (not there yet, deleted, or renamed away). The follower keeps reading the
    /// file it had open, if any, and waits for the path to name a file again.
    case fileMissing
    /// After `fileMissing`, the path names a file again; a new file is read from its start.
    case fileAppeared
    /// The path now names a different file (log rotation): the old one was read to its end, its partial
    /// last line delivered, and the new one is read from its start.
    case rotated
    /// The file became shorter than what had been read (truncated in place, e.g. copytruncate); the partial
    /// line was delivered and reading starts again at offset 0.
    case truncated
}

/// Whether a follower can still produce lines.
public enum FollowState: Sendable, Equatable {
    /// More data may come: files are followed until stopped.
    case following
    /// A pipe or terminal reached its end; every byte has been delivered.
    case ended
}
