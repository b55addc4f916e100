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
    /// Columns of one scalar on its own (0, 1 or 2), ignoring any cluster it may be part of.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        DisplayWidthTables.width(of: scalar.value)
    }

    /// Columns of one grapheme cluster (0, 1 or 2), see the type's rules.
    public static func of(_ character: Character) -> Int {
        clusterWidth(character.unicodeScalars)
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
        forEachCluster(of: text) { width, _ in
            total &+= width
            return true
        }
        return total
    }

    /// The longest prefix of whole characters that fits in `columns`, and its width. A wide character that
    /// would straddle the edge is left out, so the width may be one less than `columns`. Zero columns still
    /// hold leading invisible characters; a negative budget holds nothing.
    public static func prefix(_ text: String, fittingIn columns: Int) -> (text: Substring, width: Int) {
        prefix(text[...], fittingIn: columns)
    }

    /// The longest prefix of whole characters that fits in `columns`, and its width.
    public static func prefix(_ text: Substring, fittingIn columns: Int) -> (text: Substring, width: Int) {
        guard columns >= 0 else { return (text[text.startIndex..<text.startIndex], 0) }
        if let fitted = printableASCIIPrefix(text, columns: columns) {
            return (text[text.startIndex..<text.utf8.index(text.startIndex, offsetBy: fitted)], fitted)
        }
        var width = 0
        var byteCount = 0
        forEachCluster(of: text) { clusterWidth, clusterEnd in
            if width &+ clusterWidth > columns { return false }
            width &+= clusterWidth
            byteCount = clusterEnd
            return true
        }
        return (text[text.startIndex..<text.utf8.index(text.startIndex, offsetBy: byteCount)], width)
    }

    /// `text` made exactly `columns` wide: padded with spaces when narrower, clipped with a trailing `…`
    /// (which takes one of the columns) when wider. `columns <= 0` gives "".
    public static func padded(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        let text = text[...]
        // One walk finds both answers: whether the whole text fits, and else where the head that leaves a
        // column for the ellipsis ends (the last cluster end at most `columns - 1` wide).
        var width = 0
        var fitsWhole = true
        var headEnd = 0
        var headWidth = 0
        if let fitted = printableASCIIPrefix(text, columns: columns) {
            width = fitted
            fitsWhole = fitted == text.utf8.count
            headEnd = min(fitted, columns - 1)
            headWidth = headEnd
        } else {
            forEachCluster(of: text) { clusterWidth, clusterEnd in
                if width &+ clusterWidth > columns {
                    fitsWhole = false
                    return false
                }
                width &+= clusterWidth
                if width < columns {
                    headEnd = clusterEnd
                    headWidth = width
                }
                return true
            }
        }
        if fitsWhole { return String(text) + String(repeating: " ", count: columns - width) }
        let head = text[text.startIndex..<text.utf8.index(text.startIndex, offsetBy: headEnd)]
        return String(head) + "…" + String(repeating: " ", count: columns - 1 - headWidth)
    }

    // MARK: - Clusters

    /// The cluster rules over the scalars of one grapheme cluster.
    static func clusterWidth<Scalars: Sequence>(_ scalars: Scalars) -> Int where Scalars.Element == Unicode.Scalar {
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return of(first) }
        var measure = ClusterMeasure()
        measure.add(first)
        measure.add(second)
        while measure.width < 2, let scalar = iterator.next() { measure.add(scalar) }
        return measure.width
    }

    /// Width of a cluster of several scalars, fed one at a time; two is final.
    private struct ClusterMeasure {
        private(set) var width = 0
        private var regionalIndicatorCount = 0
        private var previous: Unicode.Scalar?

        mutating func add(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value == 0xFE0F {
                // VS16 asks for the emoji form of the scalar before it, which is drawn wide.
                if let previous, previous.properties.isEmoji { width = 2 }
            } else if (0x1F1E6...0x1F1FF).contains(value) {
                // Two regional indicators are a flag; a lone one is drawn as a narrow letter.
                regionalIndicatorCount &+= 1
                width = max(width, regionalIndicatorCount >= 2 ? 2 : 1)
            } else if previous?.value == 0x200D, DisplayWidthTables.extendedPictographic.containsScalar(value) {
                // A ZWJ inside a cluster followed by a pictograph: an emoji ZWJ sequence, one wide glyph.
                width = 2
            } else {
                width = max(width, of(scalar))
            }
            previous = scalar
        }
    }

    /// Calls `body` with the width and end (UTF-8 offset from the start of `text`) of each grapheme cluster,
    /// in order, until it returns false. The standard library finds the cluster boundaries; the scalars of
    /// each cluster are decoded straight from the text's bytes, which costs a fraction of building a
    /// `Character` and walking its scalar view.
    private static func forEachCluster(of text: Substring, _ body: (_ width: Int, _ end: Int) -> Bool) {
        let walkedBytes: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = text.startIndex
            var start = 0
            while index < text.endIndex {
                let next = text.index(after: index)
                let end = text.utf8.distance(from: text.startIndex, to: next)
                guard body(clusterWidth(UTF8ScalarDecoder(bytes: bytes, offset: start, end: end)), end) else { return }
                index = next
                start = end
            }
        }
        if walkedBytes != nil { return }
        var end = 0
        for character in text {
            end &+= character.utf8.count
            guard body(of(character), end) else { return }
        }
    }

    /// The scalars of a stretch of valid UTF-8 (a Swift string's own bytes), never reading past `end`.
    private struct UTF8ScalarDecoder: Sequence, IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int
        let end: Int

        mutating func next() -> Unicode.Scalar? {
            guard offset < end, offset < bytes.count else { return nil }
            let lead = UInt32(bytes[offset])
            var value: UInt32
            var length: Int
            switch lead {
            case ..<0x80: value = lead; length = 1
            case ..<0xE0: value = lead & 0x1F; length = 2
            case ..<0xF0: value = lead & 0x0F; length = 3
            default: value = lead & 0x07; length = 4
            }
            let stop = Swift.min(offset &+ length, end, bytes.count)
            var position = offset &+ 1
            while position < stop {
                value = value << 6 | UInt32(bytes[position] & 0x3F)
                position &+= 1
            }
            offset = stop
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
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
