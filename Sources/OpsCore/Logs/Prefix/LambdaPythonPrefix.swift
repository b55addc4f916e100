/// The AWS Lambda Python runtime's text format puts the level first:
/// `[ERROR]\t2024-05-01T12:00:00.123Z\t<request id>\tmessage`. (The Node.js runtime's
/// `TS\tID\tLEVEL\t` shape is handled with the other timestamp-led prefixes.)
enum LambdaPythonPrefix {
    static func strip(_ line: UnsafeBufferPointer<UInt8>, at i: Int, into prefix: inout LinePrefix) -> Int? {
        guard LineBytes.isByte(line, i, LineBytes.openBracket) else { return nil }
        let levelEnd = LineBytes.skip(line, from: i + 1, while: LineBytes.isUpper)
        guard levelEnd > i + 1, LineBytes.hasLiteral(line, at: levelEnd, "]\t"),
              let ts = TimestampExtent.iso(line, at: levelEnd + 2, .rfc3339),
              LineBytes.isByte(line, ts.end, LineBytes.tab),
              let id = LambdaRequestID.scan(line, at: ts.end + 1),
              LineBytes.isByte(line, id.upperBound, LineBytes.tab)
        else { return nil }
        prefix.noteTimestamp((levelEnd + 2)..<ts.end, hasZone: ts.hasZone, in: line)
        prefix.note("request_id", id, in: line)
        prefix.levelWord = (i + 1)..<levelEnd
        return id.upperBound + 1
    }
}
