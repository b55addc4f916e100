/// Colour pairs allocated lazily: curses draws with numbered (foreground, background) pairs,
/// and a theme uses only a few of the many possible, so each is made the first time it is drawn.
struct ColorPairTable {
    private struct Colors: Hashable {
        var foreground: Int16
        var background: Int16
    }

    private var pairs: [Colors: Int16] = [:]
    private var nextPair = 1
    /// The highest pair number curses accepts (COLOR_PAIRS - 1, at most Int16.max).
    private let lastPair: Int

    init(colorPairs: Int) {
        lastPair = min(Int(Int16.max), colorPairs - 1)
    }

    /// The pair for these colour numbers, made with `initPair(pair, fg, bg)` when new. Pair 0
    /// is the terminal's default colours; it is also the answer when the pairs run out or
    /// curses refuses one, so drawing goes on in default colours rather than failing.
    mutating func pair(foreground: Int16, background: Int16,
                       initPair: (_ pair: Int16, _ foreground: Int16, _ background: Int16) -> Bool) -> Int16 {
        if foreground == -1, background == -1 { return 0 }
        let key = Colors(foreground: foreground, background: background)
        if let known = pairs[key] { return known }
        let pair = Int16(clamping: nextPair)
        guard nextPair <= lastPair, initPair(pair, foreground, background) else {
            pairs[key] = 0
            return 0
        }
        pairs[key] = pair
        nextPair += 1
        return pair
    }

    var count: Int { pairs.count }
}
