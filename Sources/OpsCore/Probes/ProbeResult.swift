import Foundation

/// One run of one probe.
public struct ProbeResult: Sendable, Equatable {
    public var state: ProbeState
    /// How long the check took (to the answer, the connection, the exit; or to the failure).
    public var latency: Duration?
    /// What did not hold, in words (`status 503, expected 200-299`); several joined with `; `. nil when ok.
    public var failedCondition: String?
    /// The HTTP status, for http probes that got an answer.
    public var status: Int?
    /// The certificate, for https probes that got as far as the handshake.
    public var tls: TLSFacts?
    /// When the run ended.
    public var at: Date

    public init(state: ProbeState, latency: Duration? = nil, failedCondition: String? = nil, status: Int? = nil,
                tls: TLSFacts? = nil, at: Date) {
        self.state = state
        self.latency = latency
        self.failedCondition = failedCondition
        self.status = status
        self.tls = tls
        self.at = at
    }

    /// Whole milliseconds of `latency`.
    public var latencyMilliseconds: Int? { latency.map(Self.milliseconds) }

    public static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        guard !overflow else { return seconds < 0 ? Int.min : Int.max }
        return Int(clamping: scaled.addingReportingOverflow(attoseconds / 1_000_000_000_000_000).partialValue)
    }
}
