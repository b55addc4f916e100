import NIOSSL

extension CertificateSummary {
    /// Reads `certificate` once, so that nothing later touches BoringSSL's objects.
    init(_ certificate: NIOSSLCertificate) {
        var dnsNames: [String] = []
        var ipAddresses: [[UInt8]] = []
        for name in certificate._subjectAlternativeNames() {
            let bytes = name.contents.withUnsafeBufferPointer { Array($0) }
            switch name.nameType {
            case .dnsName: dnsNames.append(String(decoding: bytes, as: UTF8.self))
            case .ipAddress: ipAddresses.append(bytes)
            default: continue
            }
        }
        var subjectKeyID: [UInt8]?
        var authorityKeyID: [UInt8]?
        let subjectKeyOID = NIOSSLObjectIdentifier(KeyIdentifierExtensions.subjectKeyIdentifierOID)
        let authorityKeyOID = NIOSSLObjectIdentifier(KeyIdentifierExtensions.authorityKeyIdentifierOID)
        for certificateExtension in certificate._extensions {
            let identifier = certificateExtension.objectIdentifier
            let der = certificateExtension.data.withUnsafeBufferPointer { Array($0) }
            if identifier == subjectKeyOID {
                subjectKeyID = KeyIdentifierExtensions.subjectKeyID(der)
            } else if identifier == authorityKeyOID {
                authorityKeyID = KeyIdentifierExtensions.authorityKeyID(der)
            }
        }
        self.init(subject: certificate.subjectName.map(Self.part), issuer: certificate.issuerName.map(Self.part),
                  notBefore: Int64(certificate.notValidBefore), notAfter: Int64(certificate.notValidAfter),
                  dnsNames: dnsNames, ipAddresses: ipAddresses, subjectKeyID: subjectKeyID,
                  authorityKeyID: authorityKeyID)
    }

    private static let typeNames: [(SSLCertificateNameType, String)] = [
        (.commonName, "CN"), (.organization, "O"), (.organizationalUnit, "OU"), (.country, "C"),
        (.state, "ST"), (.city, "L"), (.emailAddress, "emailAddress"), (.userId, "UID"),
    ]

    private static func part(_ name: SSLCertificateName) -> NamePart {
        NamePart(type: typeNames.first { $0.0 == name.type }?.1 ?? "attribute", value: name.value)
    }
}
