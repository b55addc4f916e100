/// One cell of the screen: the character drawn there and the semantic role it is drawn in.
/// A wide character (CJK, most emoji) fills its cell and the next; that next cell holds no text
/// and is called its continuation.
///
/// A cell is a plain value of two words and a role, with the character's UTF-8 inline: a screen
/// of 12,000 cells is filled, copied and compared without reference counting or allocation,
/// which is what keeps a frame well under a millisecond.
public struct Cell: Hashable, Sendable {
    /// The grapheme cluster's UTF-8, zero-padded, little-endian: bytes 0–7 in `low`, 8–15 in
    /// `high`. A sanitised cell never holds a NUL byte, so the first zero byte ends the text.
    private var low: UInt64
    private var high: UInt64
    public var role: Role

    /// The longest cluster kept whole. Longer ones (family emoji of many ZWJ-joined people) keep
    /// their first character when it is as wide as the whole, else show U+FFFD: never a cluster
    /// cut in the middle, whose width the terminal could see otherwise.
    public static let maxInlineBytes = 16

    public init(_ text: String, _ role: Role = .text) {
        self.role = role
        low = 0
        high = 0
        var utf8 = Array(text.utf8)
        if utf8.count > Cell.maxInlineBytes {
            let whole = DisplayWidth.of(text)
            let first = text.unicodeScalars.first.map(Character.init)
            if let first, DisplayWidth.of(first) == whole, first.utf8.count <= Cell.maxInlineBytes {
                utf8 = Array(first.utf8)
            } else {
                utf8 = Array("\u{FFFD}".utf8)
            }
        }
        for (index, byte) in utf8.enumerated() { setByte(byte, at: index) }
    }

    /// A cell of one ASCII character: the renderer's fast path.
    public init(ascii byte: UInt8, _ role: Role = .text) {
        low = UInt64(byte)
        high = 0
        self.role = role
    }

    public static let blank = Cell(ascii: UInt8(ascii: " "), .text)

    /// The continuation half of a wide character.
    public static func continuation(_ role: Role) -> Cell { Cell(ascii: 0, role) }

    public var isContinuation: Bool { low == 0 && high == 0 }

    /// One grapheme cluster, already sanitised; "" for the continuation of a wide character.
    public var text: String {
        var bytes: [UInt8] = []
        appendUTF8(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the cell's UTF-8 (nothing for a continuation): how the backend draws it.
    @inline(__always)
    public func appendUTF8(to bytes: inout [UInt8]) {
        var word = low
        for index in 0..<Cell.maxInlineBytes {
            if index == 8 { word = high }
            let byte = UInt8(truncatingIfNeeded: word)
            if byte == 0 { return }
            bytes.append(byte)
            word >>= 8
        }
    }

    private mutating func setByte(_ byte: UInt8, at index: Int) {
        if index < 8 {
            low |= UInt64(byte) << UInt64(index * 8)
        } else {
            high |= UInt64(byte) << UInt64((index - 8) * 8)
        }
    }
}
