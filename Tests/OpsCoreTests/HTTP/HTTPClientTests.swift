import Foundation
import Testing
@testable import OpsCore

/// The client against the real nginx of `scripts/tls-endpoints`.
@Suite(.enabled(if: TLSEndpoints.shouldRun, TLSEndpoints.missing))
struct HTTPClientTests {
    /// Trusts the test CA, as a company trusts its internal one.
    static func client(maxBodyBytes: Int = HTTPClient.defaultMaxBodyBytes) throws -> HTTPClient {
        try HTTPClient(trustRoots: .file(try TLSEndpoints.caFile()), maxBodyBytes: maxBodyBytes)
    }

    static func send(_ url: String, method: String = "GET", insecure: Bool = false, client: HTTPClient? = nil)
        async throws -> HTTPResponse {
        try await (client ?? Self.client()).send(HTTPRequest(method: method, url: url), timeout: .seconds(5),
                                                 insecure: insecure)
    }

    @Test func readsStatusHeadersAndBodyOverPlainHTTP() async throws {
        let response = try await Self.send(try TLSEndpoints.http("/ready"))
        #expect(response.status == 200)
        #expect(response.reason == "OK")
        #expect(response.headers.value(of: "content-type") == "application/json")
        #expect(response.bodyText == #"{"status":"ok"}"#)
        #expect(!response.bodyTruncated)
        #expect(response.tls == nil)
        #expect(response.latency > .zero && response.latency < .seconds(5))
        #expect(!response.headers.contains("Strict-Transport-Security"))
    }

    @Test func anErrorStatusIsAnAnswerNotAnError() async throws {
        let response = try await Self.send(try TLSEndpoints.http("/fail"))
        #expect(response.status == 503)
        #expect(response.bodyText == #"{"status":"down"}"#)
    }

    @Test func aHeadRequestEndsWithoutABody() async throws {
        let response = try await Self.send(try TLSEndpoints.http("/ready"), method: "HEAD")
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
    }

    @Test func keepsOnlyTheBeginningOfALongBody() async throws {
        let response = try await Self.send(try TLSEndpoints.http("/big"), client: try Self.client(maxBodyBytes: 64 << 10))
        #expect(response.status == 200)
        #expect(response.bodyTruncated)
        #expect(response.body.count == 64 << 10)
        #expect(response.bodyText.hasPrefix(#"{"items": ["xxxx"#))
        let whole = try await Self.send(try TLSEndpoints.http("/big"), client: try Self.client(maxBodyBytes: 4 << 20))
        #expect(!whole.bodyTruncated && whole.body.count > 2 << 20)
    }

    @Test func aValidCertificateIsTrustedWithItsFacts() async throws {
        let response = try await Self.send(try TLSEndpoints.valid("/health"))
        #expect(response.status == 200)
        #expect(response.bodyText == "ok\n")
        let tls = try #require(response.tls)
        #expect(tls.verification == .trusted)
        #expect(tls.subject == "CN=localhost, O=opsdeck tests")
        #expect(tls.issuer == "CN=opsdeck test CA")
        #expect(tls.subjectAlternativeNames == ["DNS:localhost", "IP:127.0.0.1"])
        #expect(tls.daysLeft(now: Date()) == 29)
        #expect(tls.notAfter.timeIntervalSince(tls.notBefore) == 30 * 86_400)
        #expect(response.headers.value(of: "Strict-Transport-Security") == "max-age=31536000; includeSubDomains")
        #expect(response.headers.contains("Content-Security-Policy"))
    }

    @Test func anAddressNamedByTheCertificateIsTrusted() async throws {
        let response = try await Self.send(try TLSEndpoints.valid("/health", host: "127.0.0.1"))
        #expect(response.tls?.verification == .trusted)
    }

    @Test func anAddressTheCertificateDoesNotNameIsWrongHost() async throws {
        let url = try TLSEndpoints.valid("/health", host: "127.0.0.2")
        let error = await #expect(throws: HTTPClientError.self) { try await Self.send(url) }
        #expect(error?.tls?.verification == .wrongHost)
        #expect(error?.description == "certificate is for DNS:localhost, IP:127.0.0.1, not 127.0.0.2")
        let insecure = try await Self.send(url, insecure: true)
        #expect(insecure.status == 200)
        #expect(insecure.tls?.verification == .wrongHost)
    }

    @Test func anExpiredCertificateIsRefusedAndReported() async throws {
        let url = try TLSEndpoints.expired("/health")
        let error = await #expect(throws: HTTPClientError.self) { try await Self.send(url) }
        #expect(error?.tls?.verification == .expired)
        #expect(error?.description == "certificate expired on 2020-01-31 (CN=localhost, O=opsdeck tests)")
        let insecure = try await Self.send(url, insecure: true)
        #expect(insecure.status == 200)
        let tls = try #require(insecure.tls)
        #expect(tls.verification == .expired)
        #expect(tls.daysLeft(now: Date()) < -2000)
        #expect(CertificateDates.day(tls.notBefore) == "2020-01-01")
    }

    @Test func aCertificateThatExpiresSoonIsStillTrusted() async throws {
        let tls = try #require(try await Self.send(try TLSEndpoints.soon("/health")).tls)
        #expect(tls.verification == .trusted)
        // Issued for 3 days a moment ago: 2 whole days and some hours are left.
        #expect(tls.daysLeft(now: Date()) == 2)
    }

    @Test func aSelfSignedCertificateIsToldApart() async throws {
        let url = try TLSEndpoints.selfSigned("/ready")
        let error = await #expect(throws: HTTPClientError.self) { try await Self.send(url) }
        #expect(error?.tls?.verification == .selfSigned)
        #expect(error?.description == "self-signed certificate (CN=localhost, O=opsdeck tests)")
        let insecure = try await Self.send(url, insecure: true)
        #expect(insecure.bodyText == #"{"status":"ok"}"#)
        #expect(insecure.tls?.verification == .selfSigned)
        #expect(insecure.tls?.daysLeft(now: Date()) == 29)
    }

    @Test func anAuthorityOutsideTheTrustStoreIsUntrusted() async throws {
        let system = try HTTPClient()
        let url = try TLSEndpoints.valid("/health")
        let error = await #expect(throws: HTTPClientError.self) { try await Self.send(url, client: system) }
        #expect(error?.tls?.verification == .untrusted("issued by CN=opsdeck test CA, which is not a trusted authority"))
        let insecure = try await Self.send(url, insecure: true, client: system)
        #expect(insecure.status == 200)
    }

    @Test func tlsToAPlainPortFailsTheHandshake() async throws {
        let url = "https://127.0.0.1:\(try TLSEndpoints.port("HTTP"))/health"
        let error = await #expect(throws: HTTPClientError.self) { try await Self.send(url) }
        #expect(error?.description == "TLS handshake failed: wrong version number")
    }

    @Test func aMissingTrustFileIsSaidAtOnce() {
        #expect(throws: HTTPClientError.unusableTrustRoots(path: "/nonexistent/ca.pem", reason: "no such file")) {
            try HTTPClient(trustRoots: .file("/nonexistent/ca.pem"))
        }
    }

    @Test func aHungServerDoesNotHoldUpOtherRequests() async throws {
        let silent = try SilentTCPServer()
        defer { silent.stop() }
        let client = try Self.client()
        let hung = Task {
            try await client.send(HTTPRequest(url: "http://127.0.0.1:\(silent.port)/"), timeout: .seconds(60))
        }
        try await silent.waitForConnection()
        // Each of these would time out (5 s) if the hung exchange held the event loop.
        for _ in 0..<5 {
            let response = try await Self.send(try TLSEndpoints.valid("/ready"), client: client)
            #expect(response.status == 200)
        }
        hung.cancel()
        await #expect(throws: CancellationError.self) { try await hung.value }
    }
}
