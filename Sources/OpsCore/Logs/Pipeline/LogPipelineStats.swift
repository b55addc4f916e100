/// Counters that prove nothing is lost: every input line ends in a record (as its first line, a
/// continuation or a line of a multi-line value), or is counted as blank or structural.
public struct LogPipelineStats: Sendable, Equatable {
    public var lines = 0
    public var bytes = 0
    public var records = 0
    public var matched = 0
    public var linesInRecords = 0
    public var continuationLines = 0
    public var blankLines = 0
    /// `[` and `]` lines around a JSON array written one element per line.
    public var structuralLines = 0
    public var truncatedLines = 0
    /// Lines that looked like JSON but were not valid, read as text instead.
    public var malformedJSON = 0

    public init() {}

    /// True when every line read is accounted for.
    public var isBalanced: Bool { lines == linesInRecords + blankLines + structuralLines }
}
