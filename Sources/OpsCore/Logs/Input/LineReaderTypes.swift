/// What a `LineReader` knows about one delivered line.
public struct LineInfo: Sendable, Equatable {
    /// 1-based position of the line in its input; every line counts, empty and truncated ones too.
    public var number: Int
    /// The line was longer than the reader's `maxLineBytes` and was cut at that length.
    public var truncated: Bool
    /// How many bytes of the line were cut off (0 unless `truncated`).
    public var droppedBytes: Int

    public init(number: Int, truncated: Bool = false, droppedBytes: Int = 0) {
        self.number = number
        self.truncated = truncated
        self.droppedBytes = droppedBytes
    }
}

/// How one read of a `LineReader` ended.
public enum ReadOutcome: Sendable, Equatable {
    /// `read(2)` returned this many bytes (> 0); every complete line among the buffered bytes was delivered.
    case bytesRead(Int)
    /// The source is at its end for now. A partial last line stays pending: more data may complete it
    /// (a growing file), or `finish` delivers it.
    case endOfData
    /// A non-blocking descriptor has no data right now (`EAGAIN`).
    case wouldBlock
}

/// Running totals that let a caller prove every input byte is accounted for:
/// after `finish`, `bytesRead == deliveredBytes + droppedBytes + newlineBytes + carriageReturnBytes`.
public struct LineReaderCounters: Sendable, Equatable {
    /// Every byte taken from the source.
    public var bytesRead = 0
    /// Lines delivered, truncated ones included.
    public var lines = 0
    /// Lines cut at `maxLineBytes`.
    public var truncatedLines = 0
    /// Bytes handed to the callback as line content.
    public var deliveredBytes = 0
    /// Bytes of overlong lines that were skipped; counted when their line is delivered.
    public var droppedBytes = 0
    /// `\n` terminators consumed.
    public var newlineBytes = 0
    /// One `\r` stripped before a line's end (CRLF input).
    public var carriageReturnBytes = 0

    public init() {}

    /// Bytes that ended up somewhere: delivered, dropped, or eaten as a terminator.
    public var accountedBytes: Int { deliveredBytes &+ droppedBytes &+ newlineBytes &+ carriageReturnBytes }
}
