/// Frames JSON objects written back to back, pretty-printed over many lines with nothing between
/// them (`kubectl get --watch -o json`, `kubectl rollout history -o json`), fed a line at a time
/// as a followed command delivers them. Lines are buffered until the brackets balance (the log
/// pipeline's `MultiLineJSON` rule: strings never span lines), then the value is parsed once.
public struct KubernetesObjectStream: Sendable {
    /// What one fed line completed.
    public enum Item: Hashable, Sendable {
        case value(JSONValue)
        /// Text that is not JSON, or a value past `maxBytes`: the buffer is dropped and framing
        /// starts again at the next line that opens a value.
        case malformed(String)
    }

    /// A Deployment is a few kilobytes; a value this big is not one, and is not held.
    public let maxBytes: Int
    private var buffer: [UInt8] = []
    private var depth = 0
    /// The bracket depth of a value dropped for its size, whose remaining lines are skipped
    /// until it closes, so they are not read as garbage one by one.
    private var skippedDepth: Int?

    public init(maxBytes: Int = 4 << 20) {
        self.maxBytes = maxBytes
    }

    /// Whether a value is open (its lines not yet balanced).
    public var isInsideValue: Bool { !buffer.isEmpty || skippedDepth != nil }

    public mutating func feed(_ line: String) -> [Item] {
        var line = line
        return line.withUTF8 { feed($0) }
    }

    public mutating func feed(_ line: UnsafeBufferPointer<UInt8>) -> [Item] {
        if var skipped = skippedDepth {
            let closed = MultiLineJSON.track(line, depth: &skipped)
            skippedDepth = closed && skipped <= 0 ? nil : skipped
            return []
        }
        if buffer.isEmpty, DockerJSON.trimmed(line).isEmpty { return [] }
        if !buffer.isEmpty { buffer.append(0x0A) }
        buffer.append(contentsOf: line)
        let mayClose = MultiLineJSON.track(line, depth: &depth)
        if buffer.count > maxBytes {
            let open = depth
            reset()
            if open > 0 { skippedDepth = open }
            return [.malformed("a value longer than \(maxBytes) bytes")]
        }
        // Balanced without ever opening (prose, a bare number) must not be held for lines to come.
        return mayClose || depth <= 0 ? drain() : []
    }

    /// The end of the stream: a value still open is reported as cut short.
    public mutating func finish() -> [Item] {
        skippedDepth = nil
        guard !buffer.isEmpty else { return [] }
        reset()
        return [.malformed("the output ends in the middle of a JSON value")]
    }

    /// Every complete value in the buffer, keeping an incomplete one that follows (`}{` lines).
    private mutating func drain() -> [Item] {
        var items: [Item] = []
        var consumed = 0
        var failed = false
        buffer.withUnsafeBufferPointer { bytes in
            let scanner = JSONScanner(bytes)
            while true {
                let start = scanner.skipWhitespace(from: consumed)
                guard start < bytes.count else {
                    consumed = bytes.count
                    return
                }
                switch scanner.scanValue(at: start) {
                case .success(let end):
                    do throws(JSONScanner.Failure) {
                        items.append(.value(try JSONParser.parse(UnsafeBufferPointer(rebasing: bytes[start..<end]))))
                    } catch {
                        items.append(.malformed("not valid JSON"))
                    }
                    consumed = end
                case .failure(.incomplete):
                    consumed = start
                    return
                case .failure(.invalid(let offset)):
                    items.append(.malformed("not valid JSON (byte \(offset - start + 1) of the value)"))
                    failed = true
                    return
                }
            }
        }
        if failed {
            reset()
        } else {
            buffer.removeFirst(consumed)
            depth = 0
            _ = buffer.withUnsafeBufferPointer { MultiLineJSON.track($0, depth: &depth) }
        }
        return items
    }

    private mutating func reset() {
        buffer.removeAll(keepingCapacity: false)
        depth = 0
    }

    /// Every value in a whole output (`rollout history -o json`); an error for text that is not JSON.
    public static func values(_ output: [UInt8], command: String) throws(DockerOutputError) -> [JSONValue] {
        var stream = KubernetesObjectStream(maxBytes: max(output.count, 1))
        var items: [Item] = []
        var start = 0
        output.withUnsafeBufferPointer { bytes in
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                items += stream.feed(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
            }
        }
        items += stream.finish()
        var values: [JSONValue] = []
        for item in items {
            switch item {
            case .value(let value): values.append(value)
            case .malformed(let problem): throw DockerOutputError(command: command, problem: problem)
            }
        }
        return values
    }
}
