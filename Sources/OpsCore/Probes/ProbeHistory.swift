import Foundation

/// A probe's recent results for sparklines: the last `window` (an hour) of them, in a ring of fixed
/// capacity so that memory stays bounded whatever the interval.
public struct ProbeHistory: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var at: Date
        public var state: ProbeState
        public var latency: Duration?

        public init(at: Date, state: ProbeState, latency: Duration?) {
            self.at = at
            self.state = state
            self.latency = latency
        }
    }

    public static let defaultWindow: Duration = .seconds(3600)
    /// The most entries kept, whatever the interval (an hour of results every second).
    public static let maximumCapacity = 3600

    public let window: Duration
    private var ring: Ring<Entry>

    /// Room for one window of results at `interval` (plus one, as both ends of the window count).
    public init(interval: Duration, window: Duration = defaultWindow) {
        self.window = window
        let perWindow = interval > .zero ? window / interval : Double(Self.maximumCapacity)
        ring = Ring(capacity: Int(min(max(perWindow.rounded(.up) + 1, 2), Double(Self.maximumCapacity))))
    }

    public var capacity: Int { ring.capacity }

    /// Oldest first.
    public var entries: [Entry] { ring.elements }

    public var count: Int { ring.count }

    /// Adds `entry` and forgets what is older than the window before it, or the oldest when full.
    public mutating func append(_ entry: Entry) {
        ring.append(entry)
        let cutoff = entry.at.addingTimeInterval(-Self.seconds(window))
        // Rare (a pause, a clock jump): most appends only push the oldest out.
        if let oldest = ring.first, oldest.at < cutoff { ring.keep { $0.at >= cutoff } }
    }

    public static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
