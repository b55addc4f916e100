import Foundation

/// Times and pauses of the local provider's polling loops.
enum LocalClock {
    /// Nanoseconds since the epoch.
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) &* 1_000_000_000 &+ Int64(spec.tv_nsec)
    }

    /// A deadline `duration` from now on the monotonic clock.
    static func deadline(after duration: Duration) -> ContinuousClock.Instant { ContinuousClock.now.advanced(by: duration) }

    /// The pause between two looks at something that changes by itself (a process ending, a port
    /// answering): short enough that a switch feels immediate, long enough to cost nothing.
    static let pollInterval: Duration = .milliseconds(50)

    static func pause(_ duration: Duration = pollInterval) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}
