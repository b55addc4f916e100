/// Text from a file as it may appear in a message about that file: shortened, and made safe for
/// a terminal (messages end up on screen, and a file can hold escape sequences).
public enum YAMLText {
    /// Longer values are cut here: a message names a value, it does not reproduce it.
    public static let shownScalars = 60

    /// `text` sanitised and cut to `shownScalars` (with `...` when cut).
    public static func shortened(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let kept = scalars.count > shownScalars ? String(String.UnicodeScalarView(scalars.prefix(shownScalars))) + "..." : text
        return Sanitiser.sanitise(kept)
    }

    /// `text` shortened and between `quote` marks: `"deploymnet"`.
    public static func quoted(_ text: String, quote: Character = "\"") -> String {
        "\(quote)\(shortened(text))\(quote)"
    }

    /// C0 and C1 control characters and DEL: never part of a name shown on a terminal.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

/// Line and column arithmetic on UTF-8 text, counted the way libyaml counts: lines end at LF, CR,
/// CRLF, NEL (U+0085), LS (U+2028) and PS (U+2029); columns count Unicode scalars.
enum TextPositions {
    /// The position of the byte at `offset` (clamped to the text).
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> YAMLPosition {
        var line = 1, column = 1, index = 0
        let end = min(max(0, offset), bytes.count)
        while index < end {
            let length = lineBreakLength(at: index, in: bytes)
            if length > 0 {
                line += 1
                column = 1
                index += length
            } else {
                if !isContinuation(bytes[index]) { column += 1 }
                index += 1
            }
        }
        return YAMLPosition(line: line, column: column)
    }

    /// The byte offset of the scalar at `position`, nil when the text has no such position.
    static func offset(of position: YAMLPosition, in bytes: [UInt8]) -> Int? {
        var line = 1, index = 0
        while line < position.line {
            guard index < bytes.count else { return nil }
            let length = lineBreakLength(at: index, in: bytes)
            if length > 0 {
                line += 1
                index += length
            } else {
                index += 1
            }
        }
        var column = 1
        while column < position.column {
            guard index < bytes.count, lineBreakLength(at: index, in: bytes) == 0 else { return nil }
            index += scalarLength(at: index, in: bytes)
            column += 1
        }
        return index < bytes.count ? index : nil
    }

    /// The bytes of the line that holds `offset`, without its line break.
    static func lineBytes(around offset: Int, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        let clamped = min(max(0, offset), bytes.count)
        var start = clamped
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n"), bytes[start - 1] != UInt8(ascii: "\r") { start -= 1 }
        var end = clamped
        while end < bytes.count, lineBreakLength(at: end, in: bytes) == 0 { end += 1 }
        return bytes[start..<end]
    }

    /// The length in bytes of the UTF-8 scalar starting at `index` (1 for a stray byte).
    static func scalarLength(at index: Int, in bytes: [UInt8]) -> Int {
        let lead = bytes[index]
        let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return min(length, bytes.count - index)
    }

    /// The length of the line break at `index`, 0 when there is none.
    static func lineBreakLength(at index: Int, in bytes: [UInt8]) -> Int {
        switch bytes[index] {
        case UInt8(ascii: "\n"): return 1
        case UInt8(ascii: "\r"): return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
        case 0xC2: return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80 else { return 0 }
            return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
        default: return 0
        }
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// The offset of the first byte that is not part of valid UTF-8, nil when all of it is valid.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
