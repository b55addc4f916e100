#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits bytes pushed in chunks (a child's standard output as the pipe hands it over) into lines.
///
/// `LineReader` pulls from a descriptor; a streamed command's output arrives as buffers from an async
/// sequence instead, so this is the push-shaped counterpart with the same line rules:
/// - lines end at `\n`, found with `memchr`; one `\r` before it is stripped (CRLF), and one at the very
///   end of the data too;
/// - a line whose content is longer than `maxLineBytes` is delivered cut to its first `maxLineBytes`
///   bytes as soon as that is known, and the rest of it is skipped up to the next `\n`;
/// - `finish` delivers a last line that has no `\n`.
///
/// A line that lies wholly inside one chunk is handed out as a pointer into that chunk: no copy, no
/// allocation. Only a line spanning chunks is gathered in a carry buffer, which never holds more than
/// `maxLineBytes + 1` bytes (the extra byte is room for a `\r` that may turn out to be a terminator).
public struct LineSplitter: Sendable {
    public static let defaultMaxLineBytes = 1 << 20

    /// The longest line content delivered whole.
    public let maxLineBytes: Int
    /// Lines delivered so far.
    public private(set) var lines = 0
    /// Lines that were longer than `maxLineBytes` and delivered cut.
    public private(set) var cutLines = 0
    /// Content bytes of cut lines that were not delivered (terminators not counted).
    public private(set) var droppedBytes = 0

    /// The start of a line that began in an earlier chunk.
    private var carry: [UInt8] = []
    /// An over-long line was delivered cut and its rest is being dropped until the next `\n`.
    private var skipping = false
    /// Raw bytes of the current over-long line dropped so far.
    private var skippedBytes = 0
    /// Whether the last byte dropped was `\r`: if `\n` comes next, that byte was a terminator.
    private var lastSkippedWasCarriageReturn = false

    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    public init(maxLineBytes: Int = LineSplitter.defaultMaxLineBytes) {
        // The carry's size is `maxLineBytes + 1`: clamp so that cannot overflow.
        self.maxLineBytes = min(max(1, maxLineBytes), 1 << 40)
    }

    /// Splits `chunk`, handing each line completed by it to `deliver` (the pointer is valid only during
    /// the call). A trailing partial line is kept until the next chunk or `finish`.
    public mutating func append(_ chunk: UnsafeRawBufferPointer, _ deliver: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), chunk.count > 0 else { return }
        let end = chunk.count
        var position = 0
        while position < end {
            let found = memchr(base + position, Int32(LineSplitter.newline), end &- position)
            if skipping {
                guard let found else {
                    skippedBytes &+= end &- position
                    lastSkippedWasCarriageReturn = base[end &- 1] == LineSplitter.carriageReturn
                    return
                }
                let newlineAt = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                endSkippedLine(droppedInChunk: newlineAt &- position,
                               endsWithCarriageReturn: newlineAt > position
                                   ? base[newlineAt &- 1] == LineSplitter.carriageReturn
                                   : lastSkippedWasCarriageReturn)
                position = newlineAt &+ 1
                continue
            }
            guard let found else {
                keepPartialLine(UnsafeBufferPointer(start: base + position, count: end &- position), deliver)
                return
            }
            let newlineAt = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            let piece = UnsafeBufferPointer(start: base + position, count: newlineAt &- position)
            if carry.isEmpty {
                deliverLine(piece, deliver)
            } else {
                completeCarriedLine(with: piece, deliver)
            }
            position = newlineAt &+ 1
        }
    }

    /// Ends the data: delivers a last line without `\n`, and forgets any state.
    public mutating func finish(_ deliver: (UnsafeBufferPointer<UInt8>) -> Void) {
        if skipping {
            // The cut line was delivered when it became over-long; a final `\r` is a terminator.
            endSkippedLine(droppedInChunk: 0, endsWithCarriageReturn: lastSkippedWasCarriageReturn)
        } else if !carry.isEmpty {
            carry.withUnsafeBufferPointer { deliverLine($0, deliver) }
            carry.removeAll(keepingCapacity: true)
        }
    }

    // MARK: - Lines

    /// Delivers a whole line (its `\n` excluded): strips one trailing `\r`, cuts it at the limit.
    private mutating func deliverLine(_ line: UnsafeBufferPointer<UInt8>, _ deliver: (UnsafeBufferPointer<UInt8>) -> Void) {
        var length = line.count
        if length > 0 && line[length &- 1] == LineSplitter.carriageReturn { length &-= 1 }
        if length > maxLineBytes {
            cutLines &+= 1
            droppedBytes &+= length &- maxLineBytes
            length = maxLineBytes
        }
        lines &+= 1
        deliver(UnsafeBufferPointer(rebasing: line[0..<length]))
    }

    /// The carry holds the start of a line whose `\n` is in this chunk, after `piece`.
    private mutating func completeCarriedLine(with piece: UnsafeBufferPointer<UInt8>,
                                              _ deliver: (UnsafeBufferPointer<UInt8>) -> Void) {
        let room = maxLineBytes &+ 1 &- carry.count
        if piece.count <= room {
            carry.append(contentsOf: piece)
            carry.withUnsafeBufferPointer { deliverLine($0, deliver) }
        } else {
            // Certainly over-long: keep only what the cut line shows.
            let total = carry.count &+ piece.count
            let endsWithCarriageReturn = piece.last == LineSplitter.carriageReturn
            let content = endsWithCarriageReturn ? total &- 1 : total
            if carry.count < maxLineBytes {
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: piece[0..<(maxLineBytes &- carry.count)]))
            }
            cutLines &+= 1
            droppedBytes &+= content &- maxLineBytes
            lines &+= 1
            carry.withUnsafeBufferPointer { deliver(UnsafeBufferPointer(rebasing: $0[0..<maxLineBytes])) }
        }
        carry.removeAll(keepingCapacity: true)
    }

    /// `piece` ends the chunk without a `\n`: carry it, or cut the line if it is now certainly too long.
    private mutating func keepPartialLine(_ piece: UnsafeBufferPointer<UInt8>,
                                          _ deliver: (UnsafeBufferPointer<UInt8>) -> Void) {
        if piece.count <= maxLineBytes &+ 1 &- carry.count {
            carry.append(contentsOf: piece)
            return
        }
        // More than `maxLineBytes + 1` bytes and no `\n` yet: even if a `\r` ends it, the content is over
        // the limit. Deliver the cut line now rather than hold the rest.
        let total = carry.count &+ piece.count
        if carry.count < maxLineBytes {
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: piece[0..<(maxLineBytes &- carry.count)]))
        }
        skipping = true
        skippedBytes = total &- maxLineBytes
        lastSkippedWasCarriageReturn = piece.last == LineSplitter.carriageReturn
        cutLines &+= 1
        lines &+= 1
        carry.withUnsafeBufferPointer { deliver(UnsafeBufferPointer(rebasing: $0[0..<maxLineBytes])) }
        carry.removeAll(keepingCapacity: true)
    }

    /// The `\n` (or the end of the data) of the line being skipped has come.
    private mutating func endSkippedLine(droppedInChunk: Int, endsWithCarriageReturn: Bool) {
        var dropped = skippedBytes &+ droppedInChunk
        if endsWithCarriageReturn && dropped > 0 { dropped &-= 1 }
        droppedBytes &+= dropped
        skipping = false
        skippedBytes = 0
        lastSkippedWasCarriageReturn = false
    }
}
