#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines on the log hot path, without copying them.
///
/// Bytes are read with `read(2)` into one reusable buffer (1 MiB, grown only as far as the line limit
/// needs) and split on `\n` with `memchr`; the unfinished tail is moved to the front before the next read.
/// Each line is handed to a callback as a pointer into that buffer, valid only during the call.
///
/// - One `\r` before the end of a line is stripped (CRLF input), on the last line too.
/// - A line longer than `maxLineBytes` is delivered cut at the limit with `truncated = true`; the rest of
///   it is skipped as it streams by (counted in `droppedBytes`), so a 10 MB line is never held whole.
/// - At the end of the data a partial last line stays pending (a followed file may still complete it)
///   until more data arrives or `finish` delivers it.
/// - Line numbers count every line from 1 and carry on across `replaceDescriptor`, so a followed file
///   that rotates keeps one numbering.
///
/// The reader owns its buffer (and its descriptor when it opened it), hence `~Copyable`: a copy would
/// share or double-free both.
public struct LineReader: ~Copyable {
    public static let defaultMaxLineBytes = 1 << 20
    public static let defaultBufferBytes = 1 << 20
    /// Room for reading kept behind an overlong line's kept prefix, so skipping its rest still reads in
    /// large chunks instead of a few bytes at a time.
    static let skipReadRoom = 64 << 10

    /// The longest line content (after stripping `\r`) delivered whole.
    public let maxLineBytes: Int
    public private(set) var counters = LineReaderCounters()

    private var source: ByteSource
    private var buffer: UnsafeMutablePointer<UInt8>
    /// Internal so tests can check that an overlong line never grows the buffer past the limit.
    private(set) var capacity: Int
    /// The buffer never grows past this: enough for a maximal line, its `\r`, one more byte to prove it
    /// overlong, and read room.
    private let maxCapacity: Int
    /// First byte of the pending (not yet delivered) line.
    private var start = 0
    /// End of the bytes read so far.
    private var end = 0
    /// `start..<scanned` is known to hold no `\n`, so `memchr` never looks at a byte twice.
    private var scanned = 0
    /// An overlong line is being skipped: `start..<start + maxLineBytes` holds its kept prefix and
    /// everything read after it up to the next `\n` is dropped.
    private var skipping = false
    private var skippedBytes = 0
    /// Whether the last byte dropped was `\r`: if the `\n` comes next, that byte was a CRLF terminator.
    private var lastSkippedWasCarriageReturn = false

    /// Reads from `fd`. The caller keeps ownership of the descriptor unless `closesDescriptor` is true.
    public init(fd: Int32, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                bufferBytes: Int = LineReader.defaultBufferBytes, closesDescriptor: Bool = false) {
        self.init(source: .descriptor(fd, closesOnEnd: closesDescriptor),
                  maxLineBytes: maxLineBytes, bufferBytes: bufferBytes)
    }

    /// Reads bytes held in memory, handing out at most `readSize` bytes per read to mimic short reads.
    public init(bytes: [UInt8], maxLineBytes: Int = LineReader.defaultMaxLineBytes,
                readSize: Int = LineReader.defaultBufferBytes) {
        let chunk = max(1, readSize)
        self.init(source: .memory(bytes, position: 0, chunkSize: chunk),
                  maxLineBytes: maxLineBytes, bufferBytes: min(chunk, LineReader.defaultBufferBytes))
    }

    /// Limits are clamped to 1 TiB so that buffer arithmetic cannot overflow: were `maxCapacity` to wrap,
    /// a full buffer could not grow and a zero-byte read would look like the end of the data.
    static let largestLimit = 1 << 40

    init(source: ByteSource, maxLineBytes: Int, bufferBytes: Int) {
        self.source = source
        self.maxLineBytes = min(max(1, maxLineBytes), LineReader.largestLimit)
        capacity = min(max(1, bufferBytes), LineReader.largestLimit)
        let lineNeeds = self.maxLineBytes &+ 2 &+ min(LineReader.skipReadRoom, capacity)
        maxCapacity = max(capacity, lineNeeds)
        buffer = LineReader.allocate(capacity)
    }

    deinit {
        source.release()
        free(buffer)
    }

    /// The descriptor being read, or nil for an in-memory reader.
    public var descriptor: Int32? { source.descriptor }

    /// Bytes read that are not yet part of a delivered line (a partial line, or an overlong one being skipped).
    public var pendingBytes: Int { counters.bytesRead &- counters.accountedBytes }

    /// Performs one read and delivers every complete line now buffered.
    public mutating func readChunk(_ body: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws -> ReadOutcome {
        makeRoom()
        switch try source.fill(buffer + end, room: capacity &- end) {
        case .endOfData:
            try splitBuffered(body)  // lines left behind by a callback that threw
            return .endOfData
        case .wouldBlock:
            try splitBuffered(body)
            return .wouldBlock
        case .bytes(let count):
            end &+= count
            counters.bytesRead &+= count
            try splitBuffered(body)
            return .bytesRead(count)
        }
    }

    /// Reads until the source has nothing more right now: `.endOfData` or `.wouldBlock`.
    /// On a blocking pipe this waits for its writer to close it.
    public mutating func readAvailable(_ body: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws -> ReadOutcome {
        while true {
            let outcome = try readChunk(body)
            if case .bytesRead = outcome { continue }
            return outcome
        }
    }

    /// Delivers what is still pending as the last line: a line without a final `\n`, or the kept prefix of
    /// an overlong line whose end never came. Afterwards the reader can go on reading (a followed file).
    public mutating func finish(_ body: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws {
        try splitBuffered(body)
        if skipping {
            let keptStart = start
            skipping = false
            start = end
            scanned = end
            try deliver(from: keptStart, count: maxLineBytes, cutBytes: skippedBytes,
                        cutEndsWithCarriageReturn: lastSkippedWasCarriageReturn, hasNewline: false, body)
        } else if end > start {
            let lineStart = start
            start = end
            scanned = end
            try deliverLine(from: lineStart, to: end, hasNewline: false, body)
        }
    }

    /// Switches to another descriptor (a rotated or reopened file) keeping the buffer, counters and line
    /// numbering. Bytes still pending carry over and join the new data; call `finish` first to end a
    /// partial line at the switch. Closes the old descriptor if this reader owned it.
    public mutating func replaceDescriptor(_ fd: Int32, closesDescriptor: Bool) {
        source.release()
        source = .descriptor(fd, closesOnEnd: closesDescriptor)
    }

    // MARK: - Splitting

    private mutating func splitBuffered(_ body: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws {
        if skipping {
            guard try endSkippedLine(body) else { return }
        }
        while scanned < end {
            guard let found = memchr(buffer + scanned, 0x0A, end &- scanned) else {
                scanned = end
                break
            }
            let newline = UnsafeRawPointer(buffer).distance(to: UnsafeRawPointer(found))
            let lineStart = start
            // State first: a throwing callback must leave the reader where the next call can resume.
            start = newline &+ 1
            scanned = start
            try deliverLine(from: lineStart, to: newline, hasNewline: true, body)
        }
        // Two bytes over the limit cannot all be a `\r` terminator, so this line is certainly overlong.
        if end &- start >= maxLineBytes &+ 2 { beginSkipping() }
    }

    private mutating func beginSkipping() {
        skipping = true
        skippedBytes = end &- start &- maxLineBytes
        lastSkippedWasCarriageReturn = buffer[end &- 1] == 0x0D
        end = start &+ maxLineBytes
        scanned = end
    }

    /// Drops newly read bytes of an overlong line; delivers its kept prefix once its `\n` shows up.
    /// Returns whether the line ended.
    private mutating func endSkippedLine(_ body: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws -> Bool {
        guard scanned < end else { return false }
        guard let found = memchr(buffer + scanned, 0x0A, end &- scanned) else {
            skippedBytes &+= end &- scanned
            lastSkippedWasCarriageReturn = buffer[end &- 1] == 0x0D
            end = scanned
            return false
        }
        let newline = UnsafeRawPointer(buffer).distance(to: UnsafeRawPointer(found))
        let endsWithCarriageReturn = newline > scanned ? buffer[newline &- 1] == 0x0D : lastSkippedWasCarriageReturn
        let cut = skippedBytes &+ (newline &- scanned)
        let keptStart = start
        skipping = false
        start = newline &+ 1
        scanned = start
        try deliver(from: keptStart, count: maxLineBytes, cutBytes: cut,
                    cutEndsWithCarriageReturn: endsWithCarriageReturn, hasNewline: true, body)
        return true
    }

    /// Delivers `lineStart..<lineEnd` (the `\n` excluded), stripping one `\r` and cutting at the limit.
    private mutating func deliverLine(from lineStart: Int, to lineEnd: Int, hasNewline: Bool,
                                      _ body: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws {
        let length = lineEnd &- lineStart
        let kept = min(length, maxLineBytes)
        let endsWithCarriageReturn = length > 0 && buffer[lineEnd &- 1] == 0x0D
        try deliver(from: lineStart, count: kept, cutBytes: length &- kept,
                    cutEndsWithCarriageReturn: endsWithCarriageReturn, hasNewline: hasNewline, body)
    }

    /// Hands `count` bytes at `lineStart` to `body`. The line's raw content went on for `cutBytes` more
    /// bytes; if its last raw byte was `\r` that byte is a terminator, not content.
    private mutating func deliver(from lineStart: Int, count: Int, cutBytes: Int, cutEndsWithCarriageReturn: Bool,
                                  hasNewline: Bool,
                                  _ body: (UnsafeBufferPointer<UInt8>, LineInfo) throws -> Void) throws {
        var kept = count
        var dropped = cutBytes
        if cutEndsWithCarriageReturn {
            if dropped > 0 { dropped &-= 1 } else { kept &-= 1 }
            counters.carriageReturnBytes &+= 1
        }
        if hasNewline { counters.newlineBytes &+= 1 }
        counters.lines &+= 1
        counters.deliveredBytes &+= kept
        if dropped > 0 {
            counters.truncatedLines &+= 1
            counters.droppedBytes &+= dropped
        }
        let info = LineInfo(number: counters.lines, truncated: dropped > 0, droppedBytes: dropped)
        try body(UnsafeBufferPointer(start: buffer + lineStart, count: kept), info)
    }

    // MARK: - Buffer

    /// Moves the pending tail to the front and grows the buffer when one unfinished line fills it.
    private mutating func makeRoom() {
        if start == end {
            start = 0
            end = 0
            scanned = 0
        } else if start > 0 {
            memmove(buffer, buffer + start, end &- start)
            end &-= start
            scanned &-= start
            start = 0
        }
        // Only a pending line of at most `maxLineBytes + 1` bytes can fill the buffer (a longer one is
        // being skipped), and `maxCapacity` exceeds that, so growing always makes room.
        if end == capacity && capacity < maxCapacity {
            let grown = min(maxCapacity, capacity > maxCapacity / 2 ? maxCapacity : capacity &* 2)
            guard let moved = realloc(buffer, grown) else { fatalError("out of memory growing a line buffer to \(grown) bytes") }
            buffer = moved.assumingMemoryBound(to: UInt8.self)
            capacity = grown
        }
    }

    private static func allocate(_ bytes: Int) -> UnsafeMutablePointer<UInt8> {
        guard let raw = malloc(bytes) else { fatalError("out of memory allocating a \(bytes)-byte line buffer") }
        return raw.assumingMemoryBound(to: UInt8.self)
    }
}

extension LineReader: @unchecked Sendable {}  // sole owner of its buffer and descriptor, so moving it to another thread is safe
