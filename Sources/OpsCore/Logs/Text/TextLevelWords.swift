/// Recognises the words loggers print as a severity in text lines (`INFO`, `warn`, `ERR`,
/// java.util.logging's `SEVERE`, zerolog's `WRN`, Go's `eror`). The vocabulary is the level
/// mapper's; this adds only what makes a bare word in a text line a level rather than prose.
enum TextLevelWords {
    static let maxLength = 13

    /// True when the bytes of `range` spell a level word of at least three letters (single
    /// letters such as `I` or `e` are too common in prose). With `anyCase` false the word must be
    /// written in capitals, which is how a bare level stands out ("INFO" is a level, "info"
    /// inside a sentence is a word).
    static func isLevel(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, anyCase: Bool) -> Bool {
        let length = range.count
        guard length >= 3, length <= maxLength, range.lowerBound >= 0, range.upperBound <= line.count else {
            return false
        }
        for i in range {
            let b = line[i]
            guard anyCase ? LineBytes.isLetter(b) : LineBytes.isUpper(b) else { return false }
        }
        return LevelMapper.level(word: UnsafeBufferPointer(rebasing: line[range]), strict: true) != nil
    }
}
