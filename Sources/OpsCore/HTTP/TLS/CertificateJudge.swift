import Foundation

/// Turns what is known about a server's certificate into one verdict, each problem told apart.
///
/// `chainVerified` is BoringSSL's own answer (the chain leads to a trusted root, every certificate
/// in its dates, signatures checked); it cannot say why it refused, so the reasons come from the
/// certificates themselves, in the order that matters to whoever renews them: an expired leaf first
/// (whatever else is wrong, that is what breaks clients), then not yet valid, then self-signed, an
/// expired intermediate, an unknown authority; a chain that verifies can still be for another host.
enum CertificateJudge {
    static func verdict(leaf: CertificateSummary, issuers: [CertificateSummary], chainVerified: Bool, host: String,
                        now: Date) -> TLSVerification {
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        if seconds > leaf.notAfter { return .expired }
        if seconds < leaf.notBefore {
            return .untrusted("not valid before \(CertificateDates.day(Date(timeIntervalSince1970: TimeInterval(leaf.notBefore))))")
        }
        if !chainVerified {
            if leaf.isSelfSigned { return .selfSigned }
            if let stale = issuers.first(where: { seconds > $0.notAfter }) {
                return .untrusted("the issuing certificate \(CertificateSummary.describe(stale.subject)) expired on "
                                  + CertificateDates.day(Date(timeIntervalSince1970: TimeInterval(stale.notAfter))))
            }
            return .untrusted("issued by \(CertificateSummary.describe(leaf.issuer)), which is not a trusted authority")
        }
        return HostnameMatch.matches(host: host, certificate: leaf) ? .trusted : .wrongHost
    }

    /// The facts reported for `leaf` with its verdict.
    static func facts(leaf: CertificateSummary, issuers: [CertificateSummary], chainVerified: Bool, host: String,
                      now: Date) -> TLSFacts {
        TLSFacts(subject: CertificateSummary.describe(leaf.subject), issuer: CertificateSummary.describe(leaf.issuer),
                 notBefore: Date(timeIntervalSince1970: TimeInterval(leaf.notBefore)),
                 notAfter: Date(timeIntervalSince1970: TimeInterval(leaf.notAfter)),
                 subjectAlternativeNames: leaf.alternativeNames,
                 verification: verdict(leaf: leaf, issuers: issuers, chainVerified: chainVerified, host: host, now: now))
    }
}
