import Foundation

/// What a server's certificate says and what verification makes of it. Reported for every https
/// answer, also when `insecure` skipped trust: the dates and the verdict are read all the same.
public struct TLSFacts: Sendable, Equatable {
    /// The leaf certificate's subject, e.g. `CN=localhost, O=opsdeck tests`.
    public var subject: String
    public var issuer: String
    public var notBefore: Date
    public var notAfter: Date
    /// `DNS:localhost`, `IP:127.0.0.1`, in certificate order.
    public var subjectAlternativeNames: [String]
    public var verification: TLSVerification

    public init(subject: String, issuer: String, notBefore: Date, notAfter: Date,
                subjectAlternativeNames: [String] = [], verification: TLSVerification) {
        self.subject = subject
        self.issuer = issuer
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.subjectAlternativeNames = subjectAlternativeNames
        self.verification = verification
    }

    /// Whole days until `notAfter` (rounded down: 2 days 23 hours is 2); negative once expired
    /// (a day ago is -1).
    public func daysLeft(now: Date) -> Int {
        let seconds = notAfter.timeIntervalSince(now)
        guard seconds.isFinite else { return seconds > 0 ? Int.max : Int.min }
        return Int(min(max((seconds / 86_400).rounded(.down), -1e9), 1e9))
    }
}

/// What certificate verification says about a server, each problem told apart.
public enum TLSVerification: Sendable, Equatable, CustomStringConvertible {
    /// Chains to a trusted authority, is within its dates and names the host.
    case trusted
    /// Its validity ended (`notAfter` is past).
    case expired
    /// Signed by its own key, by no authority.
    case selfSigned
    /// Trusted and current, but issued for other names than the host asked for.
    case wrongHost
    /// Anything else that makes it untrustworthy: an unknown authority, not valid yet, an expired
    /// intermediate.
    case untrusted(String)

    public var isTrusted: Bool { self == .trusted }

    /// One word or two, for tables and JSON: `trusted`, `expired`, `self-signed`, `wrong host`, `untrusted`.
    public var word: String {
        switch self {
        case .trusted: "trusted"
        case .expired: "expired"
        case .selfSigned: "self-signed"
        case .wrongHost: "wrong host"
        case .untrusted: "untrusted"
        }
    }

    public var description: String {
        switch self {
        case .trusted: "trusted"
        case .expired: "certificate expired"
        case .selfSigned: "self-signed certificate"
        case .wrongHost: "certificate is for another host"
        case .untrusted(let reason): "untrusted certificate: \(reason)"
        }
    }
}
