/// What a metric's value says against its thresholds.
///
/// Ordered for roll-ups (`max()` is the level to show): ok < unknown < warn < critical. Unknown (no
/// value, or an error reading it) ranks above ok because something needs a look, and below warn
/// because nothing is known to be wrong.
public enum MetricLevel: String, Sendable, Comparable, CaseIterable {
    case ok
    case warn
    case critical
    /// No verdict: the query failed, returned no series, or returned NaN against thresholds.
    case unknown

    private var rank: Int {
        switch self {
        case .ok: 0
        case .unknown: 1
        case .warn: 2
        case .critical: 3
        }
    }

    public static func < (lhs: MetricLevel, rhs: MetricLevel) -> Bool { lhs.rank < rhs.rank }

    public var word: String { rawValue }
}
