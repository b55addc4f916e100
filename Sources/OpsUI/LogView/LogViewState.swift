import OpsCore

/// Everything the log view shows, as one value. The reducer changes it; render reads it.
public struct LogViewState: Sendable {
    public enum Prompt: Sendable, Equatable {
        case search
        case filter
        case save
        case command
    }

    public enum TimeStyle: Sendable, Equatable, CaseIterable {
        case absolute, relative, off
    }

    public var store: LogStore
    /// The filters given on the command line; they always hold, but for the level, which only
    /// starts where `--level` put it.
    public let baseQuery: LogQuery
    /// The minimum level, changed with `l` (nil: every level).
    public var levelOverride: LogLevel?
    /// The filter typed with `f`, and as parsed.
    public var filterText: String
    public var filterQuery = LogQuery()
    /// What is shown: the base query, the level and the typed filter together.
    public private(set) var query: LogQuery
    /// The records the query shows, oldest first, by their number since the view started (store
    /// position plus records dropped), so that records leaving the store's ring need no
    /// renumbering: the ones gone are skipped from the front.
    private var shown: [Int] = []
    private var shownStart = 0

    /// How many records the query shows.
    public var visibleCount: Int { shown.count - shownStart }

    /// Positions in `store` of the records the query shows, oldest first (built on demand).
    public var visible: [Int] { shown[shownStart...].map { $0 - store.dropped } }

    /// The number since the view started of the i-th record shown (stable while it is kept).
    public func recordNumber(ofVisible index: Int) -> Int { shown[shownStart + index] }
    /// Index into `visible` of the selected record; nil while nothing is shown.
    public var selected: Int?
    /// Index into `visible` of the first record on screen.
    public var top = 0
    /// New records move the selection to the newest one; scrolling up pauses this.
    public var following = true
    /// Records that arrived below the screen while following was paused.
    public var newBelow = 0
    public var wrap = false
    public var timeStyle = TimeStyle.absolute
    public var horizontalOffset = 0
    public var search: String?
    /// The record open as pretty JSON, as an index into `visible`.
    public var detail: Int? {
        didSet { if detail != oldValue { detailScroll = 0 } }
    }
    /// The first line of the detail shown, when the record is longer than its pane.
    public var detailScroll = 0
    public var showingHelp = false
    /// Rows the help overlay is scrolled down (it may not fit a small screen).
    public var helpScroll = 0
    public var prompt: Prompt?
    /// What is being typed at the prompt, with its cursor.
    public var promptInput = TextInput()
    public var promptText: String { promptInput.text }
    /// A message for the status bar (a save, a bad filter); cleared by the next key.
    public var message: String?
    public var messageIsError = false
    /// Records per second, for the rate strip.
    public private(set) var rates = RateHistory()
    /// The time of the newest timed record, for untimed records arriving after it.
    public private(set) var newestTime: LogTimestamp?
    /// Rows the records pane has, set by each render so paging moves by a screen.
    public var pageRows = 20

    public init(capacity: Int, query: LogQuery = LogQuery()) {
        store = LogStore(capacity: capacity)
        baseQuery = query
        self.query = query
        levelOverride = query.minimumLevel
        filterText = ""
    }

    /// Recomputes which records are shown after the level or the typed filter changed, keeping
    /// the selection on the same record when it is still shown.
    public mutating func refilter() {
        query = baseQuery.combined(with: filterQuery)
        query.minimumLevel = max(levelOverride ?? .unknown, filterQuery.minimumLevel ?? .unknown)
        if query.minimumLevel == .unknown { query.minimumLevel = nil }
        let previous = selected.flatMap { $0 < visibleCount ? recordNumber(ofVisible: $0) : nil }
        shown = store.indices(matching: query).map { $0 + store.dropped }
        shownStart = 0
        if following || previous == nil {
            selected = shown.isEmpty ? nil : shown.count - 1
        } else if let previous {
            selected = shown.lastIndex(where: { $0 <= previous }) ?? (shown.isEmpty ? nil : 0)
        }
        detail = nil
    }

    /// Adds records that arrived; returns how many of them the query shows.
    @discardableResult
    public mutating func append(_ records: [LogRecord]) -> Int {
        store.append(contentsOf: records)
        // Shown records that left the ring are skipped from the front; indices into what is shown
        // move down by as many.
        var gone = 0
        while shownStart < shown.count, shown[shownStart] < store.dropped {
            shownStart += 1
            gone += 1
        }
        if gone > 0 {
            if let s = selected { selected = visibleCount == 0 ? nil : min(max(0, s - gone), visibleCount - 1) }
            top = max(0, top - gone)
            if let d = detail { detail = d - gone >= 0 ? d - gone : nil }
        }
        if shownStart > 4096, shownStart * 2 > shown.count { // reclaim the skipped front now and then
            shown.removeFirst(shownStart)
            shownStart = 0
        }
        var effectiveTime = newestTime
        var shownCount = 0
        let firstNew = store.count - min(records.count, store.count)
        for i in firstNew..<store.count {
            let record = store[i]
            rates.count(record)
            if let time = record.time { effectiveTime = time }
            if query.matches(record, effectiveTime: effectiveTime) {
                shown.append(i + store.dropped)
                shownCount += 1
            }
        }
        newestTime = effectiveTime
        if following {
            selected = visibleCount == 0 ? nil : visibleCount - 1
        } else {
            newBelow += shownCount
            if selected == nil, visibleCount > 0 { selected = 0 } // everything it pointed at left the ring
        }
        return shownCount
    }

    /// The record under the selection.
    public var selectedRecord: LogRecord? {
        selected.flatMap { $0 >= 0 && $0 < visibleCount ? record(atVisible: $0) : nil }
    }

    public func record(atVisible index: Int) -> LogRecord { store[recordNumber(ofVisible: index) - store.dropped] }
}
