import Glibc

/// The bytes of the lines being generated, in memory this buffer owns alone (it is noncopyable).
/// Appends are a capacity check and a copy: unlike `[UInt8]` there is no uniqueness check and no
/// generic sequence path per append, which halved the generator's time. Numbers are formatted in
/// place, so composing a line allocates nothing once the buffer has grown to its working size.
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count, "ByteBuffer index out of range")
        return base[index]
    }

    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < count {
            if base[index] == byte { return index }
            index += 1
        }
        return nil
    }

    // MARK: Appending

    @inline(__always) mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always) mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Bytes `range` of another buffer.
    mutating func append(_ other: borrowing ByteBuffer, _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= other.count, "ByteBuffer range out of range")
        other.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Decimal digits of a value, at least `width` of them (zero padded after any sign).
    mutating func appendDecimal(_ value: Int64, width: Int = 1) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var rest = value.magnitude
        var digits = 1
        var probe = rest
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        let total = max(digits, width)
        reserve(total)
        var position = count + total
        repeat {
            position -= 1
            base[position] = UInt8(48 + rest % 10)
            rest /= 10
        } while rest > 0
        while position > count {
            position -= 1
            base[position] = UInt8(ascii: "0")
        }
        count += total
    }

    @inline(__always) mutating func appendDecimal(_ value: Int, width: Int = 1) {
        appendDecimal(Int64(value), width: width)
    }

    /// Lowercase hex, exactly `digits` (at most 16) long: trace and span ids.
    mutating func appendHex(_ value: UInt64, digits: Int) {
        reserve(digits)
        var rest = value
        var position = count + digits
        while position > count {
            position -= 1
            base[position] = hexDigitsLower[Int(rest & 0xF)]
            rest >>= 4
        }
        count += digits
    }

    // MARK: Editing

    mutating func removeAll() { count = 0 }

    mutating func truncate(to length: Int) {
        precondition(length >= 0 && length <= count, "ByteBuffer truncation out of range")
        count = length
    }

    mutating func insert(_ byte: UInt8, at index: Int) {
        precondition(index >= 0 && index <= count, "ByteBuffer index out of range")
        reserve(1)
        memmove(base + index + 1, base + index, count - index)
        base[index] = byte
        count += 1
    }

    mutating func remove(at index: Int) {
        precondition(index >= 0 && index < count, "ByteBuffer index out of range")
        memmove(base + index, base + index + 1, count - index - 1)
        count -= 1
    }

    @inline(__always) private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toAtLeast: count + extra) }
    }

    private mutating func grow(toAtLeast needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

let hexDigitsLower: [UInt8] = Array("0123456789abcdef".utf8)
let hexDigitsUpper: [UInt8] = Array("0123456789ABCDEF".utf8)
