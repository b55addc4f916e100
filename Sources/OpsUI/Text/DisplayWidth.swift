/// How many terminal columns text takes, decided from the text alone.
///
/// `wcwidth` is not used: it follows the process locale and the C library's Unicode version, so the same log
/// line would measure differently on two machines. The rules here are fixed and table-driven
/// (`DisplayWidthTables`):
/// - East Asian Width W and F (UAX #11) take two columns; everything else that is visible takes one,
///   ambiguous (A) characters included, as in a non-CJK locale.
/// - Combining and format characters (Mn, Me, Cf except U+00AD SOFT HYPHEN), zero-width spaces and joiners,
///   variation selectors and Hangul medial vowels / final consonants take none.
/// - C0 and C1 controls take none. Text reaching the grid has already been sanitised (no control bytes reach
///   the terminal), so a control here is never drawn; counting it as zero keeps widths additive.
/// - A grapheme cluster (`Character`) is drawn as one glyph: it takes the widest of its scalars, and two
///   columns when it is an emoji presentation sequence (a scalar with an emoji form followed by VS16
///   U+FE0F), an emoji ZWJ sequence (👩‍💻) or a regional-indicator pair (a flag, 🇩🇪). Never more than two.
///   VS15 U+FE0E adds nothing: a text-style symbol stays one column, and a scalar that is wide by itself
///   (⌚) stays two, because most terminals size that scalar as two whatever follows it.
public enum DisplayWidth {
    private static let zeroWidthJoiner: UInt32 = 0x200D
    private static let emojiPresentationSelector: UInt32 = 0xFE0F
    private static let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF

    /// Columns of one scalar on its own (0, 1 or 2), ignoring any cluster it may be part of.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        DisplayWidthTables.width(of: scalar.value)
    }

    /// Columns of one grapheme cluster (0, 1 or 2), see the type's rules.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        if iterator.next() == nil { return of(first) }
        var width = 0
        var regionalIndicatorCount = 0
        var previous: Unicode.Scalar?
        for scalar in scalars {
            let value = scalar.value
            if value == emojiPresentationSelector {
                if let previous, previous.properties.isEmoji { return 2 }
            } else if regionalIndicators.contains(value) {
                regionalIndicatorCount &+= 1
                if regionalIndicatorCount == 2 { return 2 }
                width = max(width, 1)
            } else if previous?.value == zeroWidthJoiner,
                      DisplayWidthTables.extendedPictographic.containsScalar(value) {
                return 2
            } else {
                width = max(width, of(scalar))
            }
            previous = scalar
        }
        return width
    }

    /// Columns of a whole text: the sum over its grapheme clusters.
    public static func of(_ text: String) -> Int {
        of(text[...])
    }

    /// Columns of a whole text: the sum over its grapheme clusters.
    public static func of(_ text: Substring) -> Int {
        // ASCII needs no grapheme breaking: every byte is its own cluster ("\r\n" is one, of two controls).
        if let scan = scanASCII(text.utf8, limit: Int.max) { return scan.printable }
        var total = 0
        for character in text { total &+= of(character) }
        return total
    }

    /// The longest prefix of whole characters that fits in `columns`, and its width. A wide character that
    /// would straddle the edge is left out, so the width may be one less than `columns`.
    public static func prefix(_ text: String, fittingIn columns: Int) -> (text: Substring, width: Int) {
        prefix(text[...], fittingIn: columns)
    }

    /// The longest prefix of whole characters that fits in `columns`, and its width.
    public static func prefix(_ text: Substring, fittingIn columns: Int) -> (text: Substring, width: Int) {
        // Zero columns still hold leading invisible characters; a negative budget holds nothing.
        guard columns >= 0 else { return (text[text.startIndex..<text.startIndex], 0) }
        if let fitted = printableASCIIPrefix(text, columns: columns) {
            return (text[text.startIndex..<text.utf8.index(text.startIndex, offsetBy: fitted)], fitted)
        }
        var width = 0
        var byteCount = 0
        for character in text {
            let characterWidth = of(character)
            if width &+ characterWidth > columns { break }
            width &+= characterWidth
            byteCount &+= character.utf8.count
        }
        return (text[text.startIndex..<text.utf8.index(text.startIndex, offsetBy: byteCount)], width)
    }

    /// `text` made exactly `columns` wide: padded with spaces when narrower, clipped with a trailing `…`
    /// (which takes one of the columns) when wider. `columns <= 0` gives "".
    public static func padded(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        let whole = prefix(text, fittingIn: columns)
        if whole.text.endIndex == text.endIndex {
            return String(whole.text) + String(repeating: " ", count: columns - whole.width)
        }
        // Measure the clipped head within what was already found to fit, not the whole (maybe long) text.
        let head = prefix(whole.text, fittingIn: columns - 1)
        return String(head.text) + "…" + String(repeating: " ", count: columns - 1 - head.width)
    }

    // MARK: - ASCII fast paths

    private struct ASCIIScan {
        /// Bytes U+0020–U+007E, one column each.
        var printable = 0
        /// Bytes looked at.
        var scanned = 0
    }

    /// Counts printable bytes among the first `limit` bytes, or nil if one of them is not ASCII (or the text
    /// is not stored contiguously). Works in blocks so the loop stays branch-light and ends early on
    /// non-ASCII text.
    private static func scanASCII(_ utf8: Substring.UTF8View, limit: Int) -> ASCIIScan? {
        let result = utf8.withContiguousStorageIfAvailable { bytes -> ASCIIScan? in
            let end = min(bytes.count, limit)
            var scan = ASCIIScan()
            let blockSize = 64
            while scan.scanned < end {
                let blockEnd = min(scan.scanned &+ blockSize, end)
                var highBits: UInt8 = 0
                var printable = 0
                for offset in scan.scanned..<blockEnd {
                    let byte = bytes[offset]
                    highBits |= byte
                    printable &+= byte &- 0x20 < 0x5F ? 1 : 0
                }
                if highBits >= 0x80 { return nil }
                scan.printable &+= printable
                scan.scanned = blockEnd
            }
            return scan
        }
        return result ?? nil
    }

    /// The byte (= column) count of the fitting prefix when the answer needs no grapheme breaking: the first
    /// `columns` bytes are printable ASCII and the next byte, if any, is printable ASCII too (so it neither
    /// extends the last character nor is a zero-width one that would still fit). Otherwise nil.
    private static func printableASCIIPrefix(_ text: Substring, columns: Int) -> Int? {
        let limit = columns == Int.max ? columns : columns &+ 1
        guard let scan = scanASCII(text.utf8, limit: limit), scan.printable == scan.scanned else { return nil }
        return min(scan.scanned, columns)
    }
}
