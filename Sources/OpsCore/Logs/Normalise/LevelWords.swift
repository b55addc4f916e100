/// The level words of every common logger (reference: log-formats.md §8), looked up by a packed
/// lowercase key with a binary search, so that a lookup costs a few integer comparisons.
enum LevelWords {
    /// The table as written in the reference, one row a canonical level.
    static let rows: [(level: LogLevel, words: [String])] = [
        (.trace, ["trace", "trc", "verbose", "vrb", "finest", "finer", "all", "silly"]),
        (.debug, ["debug", "dbg", "dbug", "fine", "config", "http", "d", "v",
                  "debug1", "debug2", "debug3", "debug4", "debug5"]),
        (.info, ["info", "inf", "information", "informational", "i", "default", "log", "print"]),
        (.notice, ["notice", "ntc", "n"]),
        (.warn, ["warn", "warning", "wrn", "warn0", "w"]),
        (.error, ["error", "err", "eror", "erro", "e", "severe", "failure"]),
        (.fatal, ["fatal", "ftl", "critical", "crit", "crt", "alert", "emerg", "emergency",
                  "panic", "dpanic", "f", "c"]),
    ]

    /// slog's named levels and their values, the bases of `INFO+2`-style offsets.
    static let slogBases: [(word: String, value: Int64)] = [("debug", -4), ("info", 0), ("warn", 4), ("error", 8)]

    private static let sortedKeys: [(key: Key, level: LogLevel)] = rows
        .flatMap { row in row.words.map { (Key(ascii: $0), row.level) } }
        .sorted { $0.key < $1.key }

    private static let slogKeys: [(key: Key, value: Int64)] = slogBases.map { (Key(ascii: $0.word), $0.value) }

    /// The level of a word of letters and digits, case-insensitively; nil when it is not in the table.
    static func level(of word: UnsafeBufferPointer<UInt8>) -> LogLevel? {
        guard let key = Key(word) else { return nil }
        let keys = sortedKeys
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            let candidate = keys[mid].key
            if candidate == key { return keys[mid].level }
            if candidate < key { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    static func slogBaseValue(of word: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard let key = Key(word) else { return nil }
        return slogKeys.first(where: { $0.key == key })?.value
    }

    /// Up to 16 lowercased bytes packed into two integers, first byte lowest. No table word
    /// contains a zero byte, so distinct words give distinct keys.
    struct Key: Comparable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
            for (i, byte) in bytes.enumerated() {
                let lower = UInt64(((byte &- 65) < 26) ? byte | 0x20 : byte)
                if i < 8 { low |= lower << (8 * i) } else { high |= lower << (8 * (i - 8)) }
            }
        }

        init(ascii word: String) {
            var copy = word
            // Table words are short ASCII literals, so the packing cannot fail.
            self = copy.withUTF8 { Key($0) } ?? Key()
        }

        private init() {}

        static func < (a: Key, b: Key) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }
}
