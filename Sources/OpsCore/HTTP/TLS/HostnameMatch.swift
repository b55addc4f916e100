/// Whether a certificate is for the host a client asked for (RFC 6125, as browsers apply it).
enum HostnameMatch {
    /// An address matches only the certificate's IP names. A name matches its DNS names (case and a
    /// trailing dot ignored; `*.example.com` covers exactly one label, `a.example.com` but neither
    /// `example.com` nor `a.b.example.com`); the subject's common name counts only when the
    /// certificate has no DNS names at all, as older certificates did.
    static func matches(host: String, certificate: CertificateSummary) -> Bool {
        if let address = IPAddressText.bytes(of: host) {
            return certificate.ipAddresses.contains(address)
        }
        let names = certificate.dnsNames.isEmpty ? certificate.commonNames : certificate.dnsNames
        let wanted = normalised(host)
        return names.contains { pattern in matches(wanted, pattern: normalised(pattern)) }
    }

    private static func normalised(_ name: String) -> String {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".") ? String(lowered.dropLast()) : lowered
    }

    private static func matches(_ host: String, pattern: String) -> Bool {
        guard !host.isEmpty, !pattern.isEmpty else { return false }
        guard pattern.hasPrefix("*.") else { return host == pattern }
        let suffix = pattern.dropFirst(1)  // ".example.com"
        // A wildcard needs at least two labels after it, so that `*.com` covers nothing.
        guard suffix.dropFirst().contains("."), host.hasSuffix(suffix) else { return false }
        let label = host.dropLast(suffix.count)
        return !label.isEmpty && !label.contains(".")
    }
}
