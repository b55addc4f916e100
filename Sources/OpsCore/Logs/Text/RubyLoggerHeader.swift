/// Ruby's standard `Logger` (Rails' default before tagged JSON loggers):
/// `I, [2024-05-01T12:00:00.123456 #1234]  INFO -- progname: message`, the severity
/// right-aligned to five characters and the progname often empty (`-- : message`).
enum RubyLoggerHeader {
    static func parse(_ line: UnsafeBufferPointer<UInt8>, into plain: inout PlainLine) -> Bool {
        guard let letter = line.first, LineBytes.isUpper(letter), LineBytes.hasLiteral(line, at: 1, ", ["),
              let ts = TimestampExtent.iso(line, at: 4, .rfc3339)
        else { return false }
        var j = ts.end
        var pid: Range<Int>?
        if LineBytes.hasLiteral(line, at: j, " #") {
            let pidEnd = LineBytes.skip(line, from: j + 2, while: LineBytes.isDigit)
            guard pidEnd > j + 2 else { return false }
            pid = (j + 2)..<pidEnd
            j = pidEnd
        }
        guard LineBytes.isByte(line, j, LineBytes.closeBracket) else { return false }
        let levelStart = LineBytes.skipBlanks(line, from: j + 1)
        let levelEnd = LineBytes.skip(line, from: levelStart, while: LineBytes.isUpper)
        guard levelEnd > levelStart, LineBytes.hasLiteral(line, at: levelEnd, " -- ") else { return false }
        let prognameStart = levelEnd + 4
        var colon = prognameStart
        while colon < line.count && line[colon] != LineBytes.colon { colon += 1 }
        guard colon < line.count else { return false }

        plain.timestamp = 4..<ts.end
        plain.timestampHasNoZone = !ts.hasZone
        plain.levelWord = levelStart..<levelEnd
        if let pid { plain.note("pid", pid, in: line) }
        if colon > prognameStart { plain.note("logger", prognameStart..<colon, in: line) }
        plain.messageStart = min(colon + 1 + (LineBytes.isByte(line, colon + 1, LineBytes.space) ? 1 : 0), line.count)
        return true
    }
}
