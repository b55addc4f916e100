/// How a version of the demo service behaves.
///
/// | behaviour | error ratio                         | latency                        | ready after |
/// |-----------|-------------------------------------|--------------------------------|-------------|
/// | healthy   | ~0.5 %                              | 20-40 ms                       | 0.3 s       |
/// | degrading | 2 % rising to 40 % over 120 s       | 30-60 ms rising to 0.4-0.8 s   | 6 s         |
///
/// Times are the model's: the service divides them by its time scale, so a test at scale 20 sees
/// the 120 s of decline in 6 s. A degrading service's `/health` turns 503 once its error ratio
/// passes 0.25.
public enum DemoBehaviour: String, Sendable, CaseIterable {
    case healthy
    case degrading

    /// `auto`: versions 1.5 and later degrade (`1.5.0`, `v1.7.2`, `2.0.0`), earlier ones and versions
    /// that are not numbers are healthy. So the demo's "next release" (1.5.0) is the bad one.
    public static func automatic(forVersion version: String) -> DemoBehaviour {
        var text = Substring(version)
        if text.first == "v" || text.first == "V" { text = text.dropFirst() }
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard let major = parts.first.flatMap(leadingNumber) else { return .healthy }
        let minor = parts.count > 1 ? leadingNumber(parts[1]) ?? 0 : 0
        return major > 1 || (major == 1 && minor >= 5) ? .degrading : .healthy
    }

    private static func leadingNumber(_ text: Substring) -> Int? {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber }).prefix(9)
        return Int(digits)
    }
}

/// `--behaviour`: a behaviour, or `auto` to choose by version.
public enum DemoBehaviourChoice: String, Sendable, CaseIterable {
    case auto
    case healthy
    case degrading

    public func resolved(forVersion version: String) -> DemoBehaviour {
        switch self {
        case .auto: DemoBehaviour.automatic(forVersion: version)
        case .healthy: .healthy
        case .degrading: .degrading
        }
    }
}
