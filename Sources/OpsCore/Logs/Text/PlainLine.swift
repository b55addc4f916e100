/// The recognised header of a plain-text log line. Ranges are byte offsets into the body
/// that was parsed; the timestamp and level parsers turn them into values.
public struct PlainLine: Equatable, Sendable {
    /// A leading timestamp (also inside `[...]`), or klog's `MMDD hh:mm:ss.uuuuuu`.
    public var timestamp: Range<Int>?
    /// The timestamp carried no zone (python asctime, Go log, Ruby Logger, klog, Render...).
    public var timestampHasNoZone: Bool
    /// The level word without its brackets or colon (`ERROR`, `warn`, `INF`).
    public var levelWord: Range<Int>?
    /// klog's severity letter as ASCII (`I`, `W`, `E`, `F`); also given as `levelWord`.
    public var klogSeverity: UInt8?
    /// Where the human message begins, after every recognised header part; 0 when none.
    public var messageStart: Int
    /// Header parts that are not time, level or message: `thread`, `pid`, `tid`, `logger`,
    /// `caller`, `connection`; `klog` when the timestamp is a klog one, which has no year.
    public var metadata: [JSONMember]

    public init(timestamp: Range<Int>? = nil, timestampHasNoZone: Bool = false, levelWord: Range<Int>? = nil,
                klogSeverity: UInt8? = nil, messageStart: Int = 0, metadata: [JSONMember] = []) {
        self.timestamp = timestamp
        self.timestampHasNoZone = timestampHasNoZone
        self.levelWord = levelWord
        self.klogSeverity = klogSeverity
        self.messageStart = messageStart
        self.metadata = metadata
    }

    mutating func note(_ key: String, _ range: Range<Int>, in line: UnsafeBufferPointer<UInt8>) {
        if metadata.capacity == 0 { metadata.reserveCapacity(4) }
        metadata.append(JSONMember(key, .string(LineBytes.string(line, range))))
    }
}
