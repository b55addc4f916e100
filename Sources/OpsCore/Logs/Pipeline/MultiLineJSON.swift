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
    }

    private(set) var bytes: [UInt8] = []
    private(set) var lines: [BufferedLine] = []
    private var depth = 0
    var prefix = PrefixFacts.none

    var isActive: Bool { !lines.isEmpty }
    var firstLine: Int { lines.first?.number ?? 0 }

    enum Step {
        case needMore
        /// A complete value ends at `end` in `bytes`; what follows it on the last line (another
        /// value written back to back, or an array's comma) is returned to the caller.
        case complete(end: Int)
        case failed
    }

    mutating func start(_ body: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool, prefix: PrefixFacts) {
        reset()
        self.prefix = prefix
        _ = append(body, number: number, truncated: truncated)
    }

    mutating func append(_ body: UnsafeBufferPointer<UInt8>, number: Int, truncated: Bool) -> Step {
        if !bytes.isEmpty { bytes.append(0x0A) }
        let start = bytes.count
        bytes.append(contentsOf: body)
        lines.append(BufferedLine(range: start..<bytes.count, number: number, truncated: truncated))
        depth += MultiLineJSON.depthChange(body)
        if truncated || lines.count > MultiLineJSON.maxLines || bytes.count > MultiLineJSON.maxBytes { return .failed }
        guard depth <= 0 else { return .needMore }
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
        prefix = .none
    }

    /// Opening minus closing brackets outside strings on one line.
    static func depthChange(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var change = 0
        var inString = false
        var i = 0
        while i < line.count {
            let c = line[i]
            if inString {
                if c == UInt8(ascii: "\\") { i += 1 } else if c == UInt8(ascii: "\"") { inString = false }
            } else {
                switch c {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): change += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"): change -= 1
                default: break
                }
            }
            i += 1
        }
        return change
    }
}
