/// The klog / glog header Kubernetes components write:
/// `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`, e.g.
/// `I0501 12:00:00.123456    1 controller.go:42] Starting controller`.
/// `L` is I, W, E or F. The header has no year: the `klog` metadata key tells the caller to
/// supply one.
enum KlogHeader {
    static let layout = "MMDD hh:mm:ss.uuuuuu"

    static func parse(_ line: UnsafeBufferPointer<UInt8>, into plain: inout PlainLine) -> Bool {
        guard let severity = line.first,
              severity == UInt8(ascii: "I") || severity == UInt8(ascii: "W")
                || severity == UInt8(ascii: "E") || severity == UInt8(ascii: "F"),
              let month = LineBytes.digits(line, at: 1, count: 2), (1...12).contains(month),
              let day = LineBytes.digits(line, at: 3, count: 2), (1...31).contains(day),
              LineBytes.isByte(line, 5, LineBytes.space),
              let clockEnd = TimestampExtent.clock(line, at: 6)
        else { return false }
        let timeEnd = TimestampExtent.fraction(line, at: clockEnd)
        guard LineBytes.isTokenEnd(line, timeEnd) else { return false }

        plain.klogSeverity = severity
        plain.levelWord = 0..<1
        plain.timestamp = 1..<timeEnd
        plain.timestampHasNoZone = true
        plain.metadata.append(JSONMember("klog", .string(layout)))
        plain.messageStart = LineBytes.skipBlanks(line, from: timeEnd)

        // `   1 file.go:42] `: thread id right-aligned, then the caller up to `]`.
        let threadStart = plain.messageStart
        let threadEnd = LineBytes.skip(line, from: threadStart, while: LineBytes.isDigit)
        guard threadEnd > threadStart, LineBytes.isByte(line, threadEnd, LineBytes.space) else { return true }
        let callerStart = threadEnd + 1
        let callerEnd = LineBytes.skip(line, from: callerStart) { b in
            b != LineBytes.closeBracket && !LineBytes.isBlank(b)
        }
        guard callerEnd > callerStart, LineBytes.isByte(line, callerEnd, LineBytes.closeBracket) else { return true }
        plain.note("thread", threadStart..<threadEnd, in: line)
        plain.note("caller", callerStart..<callerEnd, in: line)
        plain.messageStart = min(callerEnd + 1 + (LineBytes.isByte(line, callerEnd + 1, LineBytes.space) ? 1 : 0),
                                 line.count)
        return true
    }
}
