/// What a probe says about a service. Ordered by severity for roll-ups: ok < degraded < failing, and
/// unknown (no result yet) apart.
public enum ProbeState: String, Sendable, Hashable, CaseIterable {
    /// Every condition holds.
    case ok
    /// It answers correctly but a soft condition fails: too slow, or its certificate expires soon.
    case degraded
    /// No answer, a wrong answer, or a certificate that clients refuse.
    case failing
    /// Not probed yet.
    case unknown

    /// 0 for ok, 1 degraded, 2 failing; nil for unknown, which is no verdict at all.
    var severity: Int? {
        switch self {
        case .ok: 0
        case .degraded: 1
        case .failing: 2
        case .unknown: nil
        }
    }

    public var word: String { rawValue }
}
