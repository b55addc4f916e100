/// Collects a JSON value written over several lines (kubectl `-o json --watch`, `fly logs
/// --json`, `render logs -o json`, gcloud): lines are buffered until the brackets balance, then
/// the whole is validated once. Strings cannot span lines in JSON, so bracket depth can be kept
/// line by line without rescanning.
struct MultiLineJSON {
    /// A value that has not closed within these bounds was not multi-line JSON after all.
    static let maxLines = 1000
    static let maxBytes = 1 << 20

    struct BufferedLine {
        var range: Range<Int>
        var number: Int
        var truncated: Bool
        /// What the line's own tool prefix said, for when it must be read again on its own.
        var prefix: PrefixFacts
    }

    private(set) var bytes: [UInt8] = []
    private(set) var lines: [BufferedLine] = []
    private var depth = 0
    /// How many input lines the first buffered line stands for: 0 when it is the rest of a line
    /// that the value before it already counted (`}{` or `{...}{"a":` on one line), more than
    /// one when it is CRI partial lines joined.
    private(set) var firstLineCount = 1

    var isActive: Bool { !lines.isEmpty }
    var firstLine: Int { lines.first?.number ?? 0 }
    /// The prefix of the line the value started on: it describes the whole value.
    var prefix: PrefixFacts { lines.first?.prefix ?? .none }
    /// Input lines in the buffer that no other record has counted.
    var uncountedLines: Int { lines.isEmpty ? 0 : lines.count - 1 + firstLineCount }

    enum Step {
        case needMore
        /// A complete value ends at `end` in `bytes`; what follows it on the last line (another
        /// value written back to back, or an array's comma) is returned to the caller.
        case complete(end: Int)
        case failed
    }

    mutating func start(_ body: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool, prefix: PrefixFacts,
                        lineCount: Int) {
        reset()
        firstLineCount = lineCount
        _ = append(body, number: number, truncated: truncated, prefix: prefix)
    }

    mutating func append(_ body: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool, prefix: PrefixFacts) -> Step {
        if !bytes.isEmpty { bytes.append(0x0A) }
        let start = bytes.count
        bytes.append(contentsOf: body)
        lines.append(BufferedLine(range: start..<bytes.count, number: number, truncated: truncated, prefix: prefix))
        let mayClose = MultiLineJSON.track(body, depth: &depth)
        if truncated || lines.count > MultiLineJSON.maxLines || bytes.count > MultiLineJSON.maxBytes { return .failed }
        guard mayClose else { return .needMore }
        let result = bytes.withUnsafeBufferPointer { JSONScanner($0).scanValue(at: 0) }
        switch result {
        case .success(let end): return .complete(end: end)
        case .failure: return .failed
        }
    }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        depth = 0
        firstLineCount = 1
    }

    /// Follows the bracket depth, outside strings, through one line. True when it fell to zero
    /// or below anywhere on the line: the value may end there, even when another one opens
    /// after it on the same line (`}{`), which leaves the depth at one again by the line's end.
    static func track(_ line: UnsafeBufferPointer<UInt8>, depth: inout Int) -> Bool {
        var closed = false
        var inString = false
        var i = 0
        while i < line.count {
            let c = line[i]
            if inString {
                if c == UInt8(ascii: "\\") { i += 1 } else if c == UInt8(ascii: "\"") { inString = false }
            } else {
                switch c {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth &+= 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth &-= 1
                    if depth <= 0 { closed = true }
                default: break
                }
            }
            i += 1
        }
        return closed
    }

    /// Whether a line could be part of a JSON value written over several lines: it starts (after
    /// its indentation) with a bracket, a string, or a number or literal that is all the line
    /// holds but for a comma or a closing bracket. Prose (`Started server`, `2024-05-01 12:00
    /// INFO ...`) cannot, so a stray `{` never holds the lines after it back.
    static func canContinueValue(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let scanner = JSONScanner(line)
        let start = scanner.skipWhitespace(from: 0)
        guard start < line.count else { return true }
        switch line[start] {
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\""),
             UInt8(ascii: ","):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"),
             UInt8(ascii: "n"):
            guard case .success(let end) = scanner.scanValue(at: start) else { return false }
            let rest = scanner.skipWhitespace(from: end)
            return rest == line.count || [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(line[rest])
        default:
            return false
        }
    }
}
