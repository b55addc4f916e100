import Foundation
import Testing
@testable import OpsCore

/// HTTP probes end to end in the library: configuration, client, conditions, against nginx.
@Suite(.enabled(if: TLSEndpoints.shouldRun, TLSEndpoints.missing))
struct HTTPProbeTests {
    static func run(_ url: String, insecure: Bool = false, expect: ProbeExpectation = ProbeExpectation(),
                    timeout: Duration = .seconds(5)) async throws -> ProbeResult {
        let runner = LiveProbeRunner(client: try HTTPClient(trustRoots: .file(try TLSEndpoints.caFile())))
        let check = ProbeConfig.HTTPCheck(url: url, insecure: insecure)
        return await runner.run(Probe(id: ProbeID(service: "api", environment: "test", name: "health"),
                                      config: ProbeConfig(name: "health", check: .http(check), timeout: timeout,
                                                          expect: expect)))
    }

    @Test func aHealthyEndpointIsOK() async throws {
        let result = try await Self.run(try TLSEndpoints.valid("/ready"), expect: ProbeExpectation(
            maxMilliseconds: 2000, json: [JSONExpectation(path: "$.status", steps: [.key("status")], value: .string("ok"))],
            headers: ["Strict-Transport-Security"], certificateDays: 14))
        #expect(result.state == .ok, "\(result.failedCondition ?? "")")
        #expect(result.status == 200)
        #expect(result.tls?.verification == .trusted)
    }

    @Test func aFailingEndpointSaysWhy() async throws {
        let result = try await Self.run(try TLSEndpoints.http("/fail"), expect: ProbeExpectation(
            json: [JSONExpectation(path: "$.status", steps: [.key("status")], value: .string("ok"))],
            headers: ["Strict-Transport-Security"]))
        #expect(result.state == .failing)
        #expect(result.status == 503)
        #expect(result.failedCondition
                == #"status 503, expected 200-299; header Strict-Transport-Security missing; $.status is "down", expected "ok""#)
    }

    @Test func aSlowEndpointIsDegraded() async throws {
        let result = try await Self.run(try TLSEndpoints.http("/slow?s=0.3"), expect: ProbeExpectation(maxMilliseconds: 100))
        #expect(result.state == .degraded)
        let taken = try #require(result.latencyMilliseconds)
        #expect(taken >= 300)
        #expect(result.failedCondition == "latency \(taken) ms over 100 ms")
    }

    @Test func aSlowerEndpointThanTheTimeoutFails() async throws {
        let result = try await Self.run(try TLSEndpoints.http("/slow?s=3"), timeout: .milliseconds(400))
        #expect(result.state == .failing)
        #expect(result.failedCondition == "timed out after 0.4s waiting for the answer")
        #expect(try #require(result.latency) >= .milliseconds(400))
    }

    @Test func aCertificateThatExpiresSoonDegrades() async throws {
        let result = try await Self.run(try TLSEndpoints.soon("/health"), expect: ProbeExpectation(certificateDays: 14))
        #expect(result.state == .degraded)
        #expect(result.failedCondition == "certificate expires in 2 days (minimum 14)")
    }

    @Test func anExpiredCertificateFailsEvenWhenInsecure() async throws {
        let strict = try await Self.run(try TLSEndpoints.expired("/health"))
        #expect(strict.state == .failing)
        #expect(strict.failedCondition == "certificate expired on 2020-01-31 (CN=localhost, O=opsdeck tests)")
        #expect(strict.tls?.verification == .expired)
        let insecure = try await Self.run(try TLSEndpoints.expired("/health"), insecure: true,
                                          expect: ProbeExpectation(certificateDays: 14))
        #expect(insecure.state == .failing)
        #expect(insecure.failedCondition?.hasPrefix("certificate expired ") == true)
        #expect(insecure.failedCondition?.hasSuffix(" days ago") == true)
    }

    @Test func anInsecureProbeAcceptsASelfSignedCertificateAndStillReportsIt() async throws {
        let result = try await Self.run(try TLSEndpoints.selfSigned("/health"), insecure: true)
        #expect(result.state == .ok)
        #expect(result.tls?.verification == .selfSigned)
        let strict = try await Self.run(try TLSEndpoints.selfSigned("/health"))
        #expect(strict.failedCondition == "self-signed certificate (CN=localhost, O=opsdeck tests)")
    }
}
