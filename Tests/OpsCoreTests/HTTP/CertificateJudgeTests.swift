import Foundation
import Testing
@testable import OpsCore

/// The verdict rules, on certificates described by hand.
@Suite struct CertificateJudgeTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let day: Int64 = 86_400
    static let ca = [CertificateSummary.NamePart(type: "CN", value: "Test CA")]
    static let localhost = [CertificateSummary.NamePart(type: "CN", value: "localhost")]

    static func leaf(subject: [CertificateSummary.NamePart] = localhost, issuer: [CertificateSummary.NamePart] = ca,
                     from: Int64 = -day, to: Int64 = 30 * day, dns: [String] = ["localhost"],
                     ips: [[UInt8]] = [[127, 0, 0, 1]]) -> CertificateSummary {
        let base = Int64(now.timeIntervalSince1970)
        return CertificateSummary(subject: subject, issuer: issuer, notBefore: base + from, notAfter: base + to,
                                  dnsNames: dns, ipAddresses: ips)
    }

    static func verdict(_ leaf: CertificateSummary, issuers: [CertificateSummary] = [], verified: Bool,
                        host: String = "localhost") -> TLSVerification {
        CertificateJudge.verdict(leaf: leaf, issuers: issuers, chainVerified: verified, host: host, now: now)
    }

    @Test func aVerifiedChainForTheHostIsTrusted() {
        #expect(Self.verdict(Self.leaf(), verified: true) == .trusted)
        #expect(Self.verdict(Self.leaf(), verified: true, host: "127.0.0.1") == .trusted)
    }

    @Test func aVerifiedChainForAnotherHostIsWrongHost() {
        #expect(Self.verdict(Self.leaf(), verified: true, host: "127.0.0.2") == .wrongHost)
        #expect(Self.verdict(Self.leaf(), verified: true, host: "api.example.com") == .wrongHost)
    }

    @Test func anExpiredLeafIsExpiredWhateverElseIsWrong() {
        let expired = Self.leaf(from: -40 * Self.day, to: -10 * Self.day)
        #expect(Self.verdict(expired, verified: false) == .expired)
        let selfSignedAndExpired = Self.leaf(issuer: Self.localhost, from: -40 * Self.day, to: -1)
        #expect(Self.verdict(selfSignedAndExpired, verified: false, host: "elsewhere") == .expired)
    }

    @Test func aLeafNotValidYetSaysFromWhen() {
        let future = Self.leaf(from: 2 * Self.day, to: 30 * Self.day)
        #expect(Self.verdict(future, verified: false) == .untrusted("not valid before 2027-01-17"))
    }

    @Test func aCertificateIssuedByItselfIsSelfSigned() {
        var own = Self.leaf(issuer: Self.localhost)
        #expect(Self.verdict(own, verified: false) == .selfSigned)
        own.subjectKeyID = [1, 2, 3]
        own.authorityKeyID = [1, 2, 3]
        #expect(Self.verdict(own, verified: false) == .selfSigned)
        // Same name, another key: an authority that happens to share the name, not the certificate itself.
        own.authorityKeyID = [9, 9, 9]
        #expect(Self.verdict(own, verified: false) == .untrusted("issued by CN=localhost, which is not a trusted authority"))
    }

    @Test func anUnknownAuthorityIsNamed() {
        #expect(Self.verdict(Self.leaf(), verified: false)
                == .untrusted("issued by CN=Test CA, which is not a trusted authority"))
    }

    @Test func anExpiredIntermediateIsNamed() {
        let intermediate = Self.leaf(subject: Self.ca, issuer: [.init(type: "CN", value: "Root")], from: -400 * Self.day,
                                     to: -5 * Self.day, dns: [], ips: [])
        #expect(Self.verdict(Self.leaf(), issuers: [intermediate], verified: false)
                == .untrusted("the issuing certificate CN=Test CA expired on 2027-01-10"))
    }

    @Test func factsCarryNamesDatesAndTheVerdict() {
        let facts = CertificateJudge.facts(leaf: Self.leaf(subject: Self.localhost + [.init(type: "O", value: "Tests")]),
                                           issuers: [], chainVerified: true, host: "localhost", now: Self.now)
        #expect(facts.subject == "CN=localhost, O=Tests")
        #expect(facts.issuer == "CN=Test CA")
        #expect(facts.subjectAlternativeNames == ["DNS:localhost", "IP:127.0.0.1"])
        #expect(facts.daysLeft(now: Self.now) == 30)
        #expect(facts.daysLeft(now: Self.now.addingTimeInterval(29.5 * 86_400)) == 0)
        #expect(facts.daysLeft(now: Self.now.addingTimeInterval(30.5 * 86_400)) == -1)
        #expect(facts.verification == .trusted)
    }

    @Test func keyIdentifiersAreReadFromTheirExtensions() {
        #expect(KeyIdentifierExtensions.subjectKeyID([0x04, 0x03, 0xAA, 0xBB, 0xCC]) == [0xAA, 0xBB, 0xCC])
        #expect(KeyIdentifierExtensions.authorityKeyID([0x30, 0x05, 0x80, 0x03, 0xAA, 0xBB, 0xCC]) == [0xAA, 0xBB, 0xCC])
        // Long-form length, and an authority identifier that names only issuer and serial.
        #expect(KeyIdentifierExtensions.subjectKeyID([0x04, 0x81, 0x02, 0x01, 0x02]) == [0x01, 0x02])
        #expect(KeyIdentifierExtensions.authorityKeyID([0x30, 0x03, 0x82, 0x01, 0x05]) == nil)
        // Truncated or lying about its length: nothing, never a crash.
        #expect(KeyIdentifierExtensions.subjectKeyID([0x04, 0x09, 0x01]) == nil)
        #expect(KeyIdentifierExtensions.subjectKeyID([0x04, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]) == nil)
        #expect(KeyIdentifierExtensions.authorityKeyID([0x30, 0x02, 0x80, 0x05, 0x01]) == nil)
        #expect(KeyIdentifierExtensions.subjectKeyID([]) == nil)
    }
}

@Suite struct HostnameMatchTests {
    static func certificate(dns: [String] = [], ips: [[UInt8]] = [], cn: String? = nil) -> CertificateSummary {
        CertificateSummary(subject: cn.map { [.init(type: "CN", value: $0)] } ?? [], issuer: [], notBefore: 0, notAfter: 0,
                           dnsNames: dns, ipAddresses: ips)
    }

    @Test func namesMatchIgnoringCaseAndATrailingDot() {
        let certificate = Self.certificate(dns: ["API.example.com"])
        #expect(HostnameMatch.matches(host: "api.example.com", certificate: certificate))
        #expect(HostnameMatch.matches(host: "api.example.com.", certificate: certificate))
        #expect(!HostnameMatch.matches(host: "web.example.com", certificate: certificate))
    }

    @Test func aWildcardCoversExactlyOneLabel() {
        let certificate = Self.certificate(dns: ["*.example.com"])
        #expect(HostnameMatch.matches(host: "api.example.com", certificate: certificate))
        #expect(!HostnameMatch.matches(host: "example.com", certificate: certificate))
        #expect(!HostnameMatch.matches(host: "a.b.example.com", certificate: certificate))
        #expect(!HostnameMatch.matches(host: "anything.com", certificate: Self.certificate(dns: ["*.com"])))
    }

    @Test func addressesMatchOnlyAddressNames() {
        let certificate = Self.certificate(dns: ["127.0.0.1"], ips: [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]])
        #expect(HostnameMatch.matches(host: "::1", certificate: certificate))
        #expect(!HostnameMatch.matches(host: "127.0.0.1", certificate: certificate))
    }

    @Test func theCommonNameCountsOnlyWithoutDNSNames() {
        #expect(HostnameMatch.matches(host: "legacy.example.com", certificate: Self.certificate(cn: "legacy.example.com")))
        #expect(!HostnameMatch.matches(host: "legacy.example.com",
                                       certificate: Self.certificate(dns: ["new.example.com"], cn: "legacy.example.com")))
    }
}
