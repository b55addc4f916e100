/// How long to wait before starting again something that keeps ending (a followed stream, a
/// watch): the first pause after a run that went well, twice the last one (up to `longest`) after
/// each that did not, so a dead source costs a process now and then, not one every second.
public struct RestartPause: Sendable {
    public let first: Duration
    public let longest: Duration
    /// The pause `next` gave last (`first` before any).
    public private(set) var current: Duration

    public init(first: Duration, longest: Duration) {
        self.first = first
        self.longest = max(first, longest)
        current = first
    }

    /// The pause after a run: `first` when it went well, else twice the last, at most `longest`.
    public mutating func next(wentWell: Bool) -> Duration {
        current = wentWell ? first : min(longest, current * 2)
        return current
    }

    /// Back to the first pause, without waiting (the thing runs well again).
    public mutating func reset() { current = first }
}
