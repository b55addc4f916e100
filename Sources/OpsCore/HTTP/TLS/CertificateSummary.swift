/// The parts of an X.509 certificate that the verdict and the facts need, as plain values (read
/// from NIOSSL in `CertificateSummary+NIOSSL.swift`), so that the rules can be tested on their own.
struct CertificateSummary: Sendable, Equatable {
    /// One attribute of a distinguished name: `CN`, `localhost`.
    struct NamePart: Sendable, Equatable {
        var type: String
        var value: String
    }

    var subject: [NamePart]
    var issuer: [NamePart]
    /// Seconds since 1970.
    var notBefore: Int64
    var notAfter: Int64
    var dnsNames: [String]
    /// 4 or 16 bytes each.
    var ipAddresses: [[UInt8]]
    /// The subject and authority key identifiers, when the certificate has those extensions.
    var subjectKeyID: [UInt8]?
    var authorityKeyID: [UInt8]?

    init(subject: [NamePart], issuer: [NamePart], notBefore: Int64, notAfter: Int64, dnsNames: [String] = [],
         ipAddresses: [[UInt8]] = [], subjectKeyID: [UInt8]? = nil, authorityKeyID: [UInt8]? = nil) {
        self.subject = subject
        self.issuer = issuer
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.dnsNames = dnsNames
        self.ipAddresses = ipAddresses
        self.subjectKeyID = subjectKeyID
        self.authorityKeyID = authorityKeyID
    }

    var commonNames: [String] { subject.filter { $0.type == "CN" }.map(\.value) }

    /// Issued by the same name it is issued to, with the same key: a certificate that vouches for
    /// itself. The key identifiers stand in for the signature check (NIOSSL offers no way to verify
    /// a signature outside a handshake): when both are present they must agree, which tells a
    /// self-signed certificate from one issued by a different key under the same name.
    var isSelfSigned: Bool {
        guard subject == issuer else { return false }
        guard let subjectKeyID, let authorityKeyID else { return true }
        return subjectKeyID == authorityKeyID
    }

    /// `DNS:localhost`, `IP:127.0.0.1`, DNS names first as most certificates list them.
    var alternativeNames: [String] {
        dnsNames.map { "DNS:" + $0 } + ipAddresses.map { "IP:" + (IPAddressText.text(of: $0) ?? "?") }
    }

    static func describe(_ name: [NamePart]) -> String {
        name.isEmpty ? "(no name)" : name.map { "\($0.type)=\($0.value)" }.joined(separator: ", ")
    }
}
