/// What the tools between the application and opsdeck put in front of a log line
/// (kubectl, docker, compose, stern, CRI, Heroku, Fly, Lambda, syslog, Render), as found by
/// `PrefixStripper`. Ranges are byte offsets into the line that was stripped; the caller
/// parses the timestamp and level text itself.
public struct LinePrefix: Equatable, Sendable {
    /// Where the application's own text starts; 0 when the line had no prefix.
    public var bodyStart: Int
    /// The outermost timestamp: the one the outermost tool added, i.e. the ingest time.
    public var timestamp: Range<Int>?
    /// The timestamp has no zone (Render text, BSD syslog): the caller reads it as local time.
    public var timestampHasNoZone: Bool
    /// The innermost name of the emitting replica: `pod/container`, compose service, dyno...
    public var source: String?
    /// A level word a platform printed (Fly `[info]`, Lambda `INFO`), innermost wins.
    public var levelWord: Range<Int>?
    /// Syslog severity, `PRI % 8` (0 emergency ... 7 debug).
    public var syslogSeverity: Int?
    /// A CRI `P` line: the rest of this line continues on the next CRI line.
    public var partial: Bool
    /// Everything else the prefixes said, in the order found (`pod`, `stream`, `dyno`, ...).
    public var metadata: [JSONMember]

    public init(bodyStart: Int = 0, timestamp: Range<Int>? = nil, timestampHasNoZone: Bool = false,
                source: String? = nil, levelWord: Range<Int>? = nil, syslogSeverity: Int? = nil,
                partial: Bool = false, metadata: [JSONMember] = []) {
        self.bodyStart = bodyStart
        self.timestamp = timestamp
        self.timestampHasNoZone = timestampHasNoZone
        self.source = source
        self.levelWord = levelWord
        self.syslogSeverity = syslogSeverity
        self.partial = partial
        self.metadata = metadata
    }

    /// The line carried no prefix at all.
    public var isEmpty: Bool { bodyStart == 0 }

    /// Back to "no prefix", keeping the metadata's storage for the next line.
    public mutating func reset() {
        bodyStart = 0
        timestamp = nil
        timestampHasNoZone = false
        if source != nil { source = nil }
        levelWord = nil
        syslogSeverity = nil
        partial = false
        if !metadata.isEmpty { metadata.removeAll(keepingCapacity: true) }
    }
}

/// How the recognisers record what they found, so that every one of them applies the same
/// precedence: the first timestamp is kept (later ones are noted as `inner_time`), the
/// innermost source and level win.
extension LinePrefix {
    static let innerTimeKey = "inner_time"

    mutating func noteTimestamp(_ range: Range<Int>, hasZone: Bool, in line: UnsafeBufferPointer<UInt8>) {
        if timestamp == nil {
            timestamp = range
            timestampHasNoZone = !hasZone
        } else {
            note(Self.innerTimeKey, range, in: line)
        }
    }

    mutating func note(_ key: String, _ range: Range<Int>, in line: UnsafeBufferPointer<UInt8>) {
        note(key, LineBytes.string(line, range))
    }

    mutating func note(_ key: String, _ value: String) {
        // Prefixes bring two to five entries: one allocation instead of regrowing.
        if metadata.capacity == 0 { metadata.reserveCapacity(6) }
        metadata.append(JSONMember(key, .string(value)))
    }
}
