/// The timestamp a plain-text line starts with, bare or in brackets:
/// - `2024-05-01 12:00:00,123 ...`, `2024-05-01T12:00:00.123+02:00 ...` (ISO / RFC 3339);
/// - `2024/05/01 12:00:00 ...` (Go `log`, nginx);
/// - `[2024-05-01 12:00:00 +0000] ...` (gunicorn, PHP, many bracketed layouts);
/// - `[2024-05-01T12:00:00Z ERROR my_app::db] ...` (Rust env_logger: level and target inside);
/// - `[12:00:00 INF] ...` (Serilog's console: only the level is taken, a time of day alone
///   is no timestamp).
/// Returns where the header continues; level and target found inside brackets are recorded.
enum LeadingTimestamp {
    static func parse(_ line: UnsafeBufferPointer<UInt8>, into plain: inout PlainLine) -> Int? {
        guard let first = line.first else { return nil }
        if first == LineBytes.openBracket { return bracketed(line, into: &plain) }
        guard let ts = TimestampExtent.iso(line, at: 0, .plainText) else { return nil }
        plain.timestamp = 0..<ts.end
        plain.timestampHasNoZone = !ts.hasZone
        return ts.end
    }

    private static func bracketed(_ line: UnsafeBufferPointer<UInt8>, into plain: inout PlainLine) -> Int? {
        if let ts = TimestampExtent.iso(line, at: 1, .plainText) {
            if LineBytes.isByte(line, ts.end, LineBytes.closeBracket) {
                plain.timestamp = 1..<ts.end
                plain.timestampHasNoZone = !ts.hasZone
                return ts.end + 1
            }
            guard let inside = levelAndTarget(line, at: ts.end) else { return nil }
            plain.timestamp = 1..<ts.end
            plain.timestampHasNoZone = !ts.hasZone
            plain.levelWord = inside.level
            if let target = inside.target { plain.note("logger", target, in: line) }
            return inside.end
        }
        if let clockEnd = TimestampExtent.clock(line, at: 1) {
            guard let inside = levelAndTarget(line, at: TimestampExtent.fraction(line, at: clockEnd)) else { return nil }
            plain.levelWord = inside.level
            if let target = inside.target { plain.note("logger", target, in: line) }
            return inside.end
        }
        return nil
    }

    /// ` LEVEL]` or ` LEVEL TARGET]` (level padded with extra spaces by some writers).
    private static func levelAndTarget(_ line: UnsafeBufferPointer<UInt8>, at i: Int)
        -> (level: Range<Int>, target: Range<Int>?, end: Int)? {
        guard LineBytes.isByte(line, i, LineBytes.space) else { return nil }
        let levelStart = LineBytes.skipBlanks(line, from: i)
        let levelEnd = LineBytes.skip(line, from: levelStart, while: LineBytes.isLetter)
        guard TextLevelWords.isLevel(line, levelStart..<levelEnd, anyCase: true) else { return nil }
        let targetStart = LineBytes.skipBlanks(line, from: levelEnd)
        if LineBytes.isByte(line, targetStart, LineBytes.closeBracket) {
            return (levelStart..<levelEnd, nil, targetStart + 1)
        }
        guard targetStart > levelEnd else { return nil }
        let targetEnd = LineBytes.skip(line, from: targetStart) { b in
            b != LineBytes.closeBracket && !LineBytes.isBlank(b)
        }
        guard targetEnd > targetStart, LineBytes.isByte(line, targetEnd, LineBytes.closeBracket) else { return nil }
        return (levelStart..<levelEnd, targetStart..<targetEnd, targetEnd + 1)
    }
}
