/// stern's default template: `POD CONTAINER [TIMESTAMP ]MESSAGE`, with `NAMESPACE ` first when
/// several namespaces are followed (`-A`). Piped, stern prints no colours, so nothing marks
/// the two words as a prefix; plain prose starts with two words just as often. The rule used
/// here accepts them only when all of these hold, which prose practically never satisfies:
///
/// 1. the pod word is a lowercase DNS name ending in a generated suffix: `-` then either
///    digits (StatefulSet `db-0`) or exactly five characters of the alphabet Kubernetes
///    draws pod suffixes from, `bcdfghjklmnpqrstvwxz2456789` (Deployment, DaemonSet, Job:
///    `api-5d9c8f6b5d-x2k4q`);
/// 2. the container (and namespace) word is a lowercase DNS label;
/// 3. the message after them starts with `{` (a JSON record) or an RFC 3339 timestamp
///    (`stern --timestamps`).
///
/// A bare pod (no generated suffix) or a plain-text message without `--timestamps` is left
/// alone: it reaches the text parsers unchanged, which loses nothing.
enum SternPrefix {
    static func strip(_ line: UnsafeBufferPointer<UInt8>, at i: Int, into prefix: inout LinePrefix) -> Int? {
        guard let first = word(line, at: i), let second = word(line, at: first.upperBound + 1) else { return nil }
        if isPodName(line, first), isLabel(line, second), startsRecord(line, at: second.upperBound + 1) {
            commit(line, namespace: nil, pod: first, container: second, into: &prefix)
            return second.upperBound + 1
        }
        guard let third = word(line, at: second.upperBound + 1),
              isLabel(line, first), isPodName(line, second), isLabel(line, third),
              startsRecord(line, at: third.upperBound + 1)
        else { return nil }
        commit(line, namespace: first, pod: second, container: third, into: &prefix)
        return third.upperBound + 1
    }

    private static func commit(_ line: UnsafeBufferPointer<UInt8>, namespace: Range<Int>?, pod: Range<Int>,
                               container: Range<Int>, into prefix: inout LinePrefix) {
        if let namespace { prefix.note("namespace", namespace, in: line) }
        prefix.note("pod", pod, in: line)
        prefix.note("container", container, in: line)
        prefix.source = LineBytes.string(line, pod) + "/" + LineBytes.string(line, container)
    }

    /// A run of lowercase DNS bytes at `i` that is followed by exactly one space.
    private static func word(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Range<Int>? {
        let end = LineBytes.skip(line, from: i, while: isDNSByte)
        guard end > i, end - i <= 253, LineBytes.isByte(line, end, LineBytes.space) else { return nil }
        return i..<end
    }

    @inline(__always) private static func isDNSByte(_ b: UInt8) -> Bool {
        LineBytes.isLower(b) || LineBytes.isDigit(b) || b == LineBytes.dash || b == LineBytes.dot
    }

    /// A DNS-1123 label: no dots, alphanumeric at both ends, at most 63 bytes.
    private static func isLabel(_ line: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count <= 63, LineBytes.isAlphanumeric(line[r.lowerBound]),
              LineBytes.isAlphanumeric(line[r.upperBound - 1]) else { return false }
        for k in r where line[k] == LineBytes.dot { return false }
        return true
    }

    private static func isPodName(_ line: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard LineBytes.isAlphanumeric(line[r.lowerBound]) else { return false }
        var lastDash = -1
        for k in r where line[k] == LineBytes.dash { lastDash = k }
        guard lastDash > r.lowerBound, lastDash + 1 < r.upperBound else { return false }
        let suffix = (lastDash + 1)..<r.upperBound
        var allDigits = true
        var allGenerated = true
        for k in suffix {
            let b = line[k]
            if !LineBytes.isDigit(b) { allDigits = false }
            if !isGeneratedSuffixByte(b) { allGenerated = false }
        }
        return allDigits || (suffix.count == 5 && allGenerated)
    }

    /// k8s.io/apimachinery/pkg/util/rand: the alphabet of generated names, without vowels
    /// and look-alike characters.
    @inline(__always) private static func isGeneratedSuffixByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"),
             UInt8(ascii: "h"), UInt8(ascii: "j"), UInt8(ascii: "k"), UInt8(ascii: "l"), UInt8(ascii: "m"),
             UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "q"), UInt8(ascii: "r"), UInt8(ascii: "s"),
             UInt8(ascii: "t"), UInt8(ascii: "v"), UInt8(ascii: "w"), UInt8(ascii: "x"), UInt8(ascii: "z"),
             UInt8(ascii: "2"), UInt8(ascii: "4"), UInt8(ascii: "5"), UInt8(ascii: "6"), UInt8(ascii: "7"),
             UInt8(ascii: "8"), UInt8(ascii: "9"):
            true
        default:
            false
        }
    }

    private static func startsRecord(_ line: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard let b = LineBytes.byte(line, i) else { return false }
        if b == LineBytes.openBrace { return true }
        guard let ts = TimestampExtent.iso(line, at: i, .rfc3339WithZone) else { return false }
        return LineBytes.isTokenEnd(line, ts.end)
    }
}
