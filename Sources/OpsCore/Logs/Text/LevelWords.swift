/// Recognises the words loggers print as a severity in text lines (`INFO`, `warn`, `ERR`,
/// java.util.logging's `SEVERE`, zerolog's `WRN`, Go's `eror`). Only recognition lives here:
/// mapping a word to a `LogLevel` is the level parser's job, which gets the byte range.
enum LevelWords {
    /// Lowercase spellings, grouped by length so a lookup compares few candidates.
    private static let byLength: [[[UInt8]]] = {
        let words = [
            "trace", "trc", "verbose", "vrb", "finest", "finer", "fine",
            "debug", "dbg", "dbug", "config",
            "info", "inf", "information", "informational", "notice", "ntc",
            "warn", "warning", "wrn",
            "error", "err", "eror", "erro", "severe",
            "fatal", "ftl", "critical", "crit", "crt", "alert", "emerg", "emergency", "panic", "dpanic",
        ]
        var table = [[[UInt8]]](repeating: [], count: maxLength + 1)
        for word in words { table[word.utf8.count].append(Array(word.utf8)) }
        return table
    }()

    static let maxLength = 13

    /// True when the bytes of `range` spell a level word. With `anyCase` false the word must
    /// be written in capitals, which is how a bare level stands out from prose ("INFO" is a
    /// level, "info" inside a sentence is a word).
    static func isLevel(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, anyCase: Bool) -> Bool {
        let length = range.count
        guard length >= 3, length <= maxLength, range.lowerBound >= 0, range.upperBound <= line.count else {
            return false
        }
        for i in range {
            let b = line[i]
            guard anyCase ? LineBytes.isLetter(b) : LineBytes.isUpper(b) else { return false }
        }
        candidates: for word in byLength[length] {
            for k in 0..<length where LineBytes.lowercased(line[range.lowerBound + k]) != word[k] {
                continue candidates
            }
            return true
        }
        return false
    }
}
