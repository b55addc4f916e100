/// Syslog headers, as Heroku and Render drains and syslog relays send them:
/// - RFC 5424: `<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG` (`-` = no value);
/// - RFC 3164: `<PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG` (host or timestamp may be missing,
///   and relays often put an RFC 3339 time in place of the BSD one).
/// The severity is `PRI % 8`. Metadata: `syslog` (which RFC), `host`, `app`, `pid`, `msgid`,
/// `structured_data`. A BSD timestamp has no year and no zone: the `syslog` key tells the
/// caller to supply both.
enum SyslogPrefix {
    static func strip(_ line: UnsafeBufferPointer<UInt8>, at i: Int, into prefix: inout LinePrefix) -> Int? {
        guard LineBytes.isByte(line, i, UInt8(ascii: "<")) else { return nil }
        let digitsEnd = LineBytes.skip(line, from: i + 1, while: LineBytes.isDigit)
        let count = digitsEnd - (i + 1)
        guard (1...3).contains(count), LineBytes.isByte(line, digitsEnd, UInt8(ascii: ">")),
              let pri = LineBytes.digits(line, at: i + 1, count: count), pri <= 191
        else { return nil }
        prefix.syslogSeverity = pri % 8
        let afterPri = digitsEnd + 1
        if LineBytes.hasLiteral(line, at: afterPri, "1 "), let end = rfc5424(line, at: afterPri + 2, &prefix) {
            return end
        }
        return rfc3164(line, at: afterPri, &prefix)
    }

    // MARK: RFC 5424

    private static func rfc5424(_ line: UnsafeBufferPointer<UInt8>, at start: Int, _ prefix: inout LinePrefix) -> Int? {
        var j = start
        var timestamp: (Range<Int>, Bool)?
        if LineBytes.isByte(line, j, LineBytes.dash) {
            j += 1
        } else if let ts = TimestampExtent.iso(line, at: j, .rfc3339) {
            timestamp = (j..<ts.end, ts.hasZone)
            j = ts.end
        } else {
            return nil
        }
        var fields: [Range<Int>?] = []
        fields.reserveCapacity(4)
        for _ in 0..<4 {
            guard LineBytes.isByte(line, j, LineBytes.space) else { return nil }
            let end = LineBytes.tokenEnd(line, from: j + 1)
            guard end > j + 1 else { return nil }
            fields.append(end == j + 2 && line[j + 1] == LineBytes.dash ? nil : (j + 1)..<end)
            j = end
        }
        // Heroku's logplex leaves SD out entirely (`... web.3 - State changed`), so a
        // missing SD means the message starts right there.
        var end = min(j + 1, line.count)
        var sd: Range<Int>?
        if let sdEnd = structuredData(line, at: j + 1), LineBytes.isTokenEnd(line, sdEnd) {
            sd = (j + 1)..<sdEnd
            end = min(sdEnd + 1, line.count)
        }
        if LineBytes.hasByteOrderMark(line, at: end) { end += 3 }

        if let (range, hasZone) = timestamp { prefix.noteTimestamp(range, hasZone: hasZone, in: line) }
        prefix.note("syslog", "rfc5424")
        for (key, field) in zip(["host", "app", "pid", "msgid"], fields) {
            if let field { prefix.note(key, field, in: line) }
        }
        if let sd, sd.count > 1 || line[sd.lowerBound] != LineBytes.dash {
            prefix.note("structured_data", sd, in: line)
        }
        return end
    }

    /// `-` or one or more `[ID PARAM="VALUE" ...]` elements, where `\"`, `\\` and `\]` are
    /// escaped inside values. Returns the index after the last element. An element must have
    /// a parameter or an `@` in its id, so that a message starting with `[INFO]` right after
    /// an omitted SD is not mistaken for one.
    private static func structuredData(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard let first = LineBytes.byte(line, i) else { return nil }
        if first == LineBytes.dash { return i + 1 }
        var j = i
        while LineBytes.isByte(line, j, LineBytes.openBracket) {
            j += 1
            var inQuotes = false
            var looksLikeElement = false
            while true {
                guard j < line.count else { return nil }
                let b = line[j]
                if inQuotes && b == LineBytes.backslash {
                    j += 2
                    continue
                }
                j += 1
                if b == LineBytes.quote {
                    inQuotes.toggle()
                    looksLikeElement = true
                } else if b == UInt8(ascii: "@") {
                    looksLikeElement = true
                } else if b == LineBytes.closeBracket && !inQuotes {
                    break
                }
            }
            guard looksLikeElement else { return nil }
        }
        return j > i ? j : nil
    }

    // MARK: RFC 3164

    private static func rfc3164(_ line: UnsafeBufferPointer<UInt8>, at start: Int, _ prefix: inout LinePrefix) -> Int {
        var j = start
        var hasTimestamp = false
        if let end = TimestampExtent.bsdSyslog(line, at: j), LineBytes.isTokenEnd(line, end) {
            prefix.noteTimestamp(j..<end, hasZone: false, in: line)
            j = end
            hasTimestamp = true
        } else if let ts = TimestampExtent.iso(line, at: j, .rfc3339), LineBytes.isTokenEnd(line, ts.end) {
            prefix.noteTimestamp(j..<ts.end, hasZone: ts.hasZone, in: line)
            j = ts.end
            hasTimestamp = true
        }
        if hasTimestamp {
            prefix.note("syslog", "rfc3164")
            guard LineBytes.isByte(line, j, LineBytes.space) else { return j }
            j += 1
        }
        // The first word is the tag when it ends like one (`app[12]:`, `app:`), else the host.
        if let tag = Tag.scan(line, at: j) {
            return tag.commit(line, into: &prefix)
        }
        guard hasTimestamp else { return j }
        let hostEnd = LineBytes.tokenEnd(line, from: j)
        guard hostEnd > j else { return j }
        prefix.note("host", j..<hostEnd, in: line)
        guard hostEnd < line.count else { return hostEnd }
        if let tag = Tag.scan(line, at: hostEnd + 1) {
            return tag.commit(line, into: &prefix)
        }
        return hostEnd + 1
    }

    /// `TAG[PID]: ` or `TAG: `.
    private struct Tag {
        var name: Range<Int>
        var pid: Range<Int>?
        var end: Int

        static func scan(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Tag? {
            let nameEnd = LineBytes.skip(line, from: i) { b in
                !LineBytes.isBlank(b) && b != LineBytes.openBracket && b != LineBytes.colon
            }
            guard nameEnd > i, nameEnd - i <= 64, let stop = LineBytes.byte(line, nameEnd) else { return nil }
            var pid: Range<Int>?
            var colon = nameEnd
            if stop == LineBytes.openBracket {
                let pidEnd = LineBytes.skip(line, from: nameEnd + 1) { b in
                    b != LineBytes.closeBracket && !LineBytes.isBlank(b)
                }
                guard pidEnd > nameEnd + 1, LineBytes.isByte(line, pidEnd, LineBytes.closeBracket) else { return nil }
                pid = (nameEnd + 1)..<pidEnd
                colon = pidEnd + 1
            }
            guard LineBytes.isByte(line, colon, LineBytes.colon), LineBytes.isTokenEnd(line, colon + 1) else { return nil }
            return Tag(name: i..<nameEnd, pid: pid, end: min(colon + 2, line.count))
        }

        func commit(_ line: UnsafeBufferPointer<UInt8>, into prefix: inout LinePrefix) -> Int {
            prefix.note("app", name, in: line)
            if let pid { prefix.note("pid", pid, in: line) }
            return end
        }
    }
}

extension LineBytes {
    /// The UTF-8 byte order mark RFC 5424 allows before MSG.
    static func hasByteOrderMark(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        i >= 0 && i + 3 <= line.count && line[i] == 0xEF && line[i + 1] == 0xBB && line[i + 2] == 0xBF
    }
}
