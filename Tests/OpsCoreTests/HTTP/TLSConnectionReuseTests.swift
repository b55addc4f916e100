import Foundation
import Testing
@testable import OpsCore

/// Keep-alive over TLS against the real nginx, through a proxy that counts the connections (each
/// one a handshake).
@Suite(.enabled(if: TLSEndpoints.shouldRun, TLSEndpoints.missing))
struct TLSConnectionReuseTests {
    /// `https://127.0.0.1:PROXY/health`: the valid certificate names IP:127.0.0.1, so it is trusted.
    static func proxied() throws -> (CountingTCPProxy, String) {
        let proxy = try CountingTCPProxy(to: try TLSEndpoints.port("VALID"))
        return (proxy, "https://127.0.0.1:\(proxy.port)/health")
    }

    static func probe(_ url: String, insecure: Bool) -> Probe {
        Probe(id: ProbeID(service: "api", environment: nil, name: insecure ? "insecure" : "strict"),
              config: ProbeConfig(name: "health", check: .http(ProbeConfig.HTTPCheck(url: url, insecure: insecure)),
                                  expect: ProbeExpectation(certificateDays: 14)))
    }

    @Test func probesOnAReusedConnectionCarryTheCertificateOfItsHandshake() async throws {
        let (proxy, url) = try Self.proxied()
        defer { proxy.stop() }
        let runner = LiveProbeRunner(client: try HTTPClient(trustRoots: .file(try TLSEndpoints.caFile())))
        var results: [ProbeResult] = []
        for _ in 0..<3 { results.append(await runner.run(Self.probe(url, insecure: false))) }
        #expect(proxy.connectionCount == 1)
        for result in results {
            #expect(result.state == .ok, "\(result.failedCondition ?? "")")
            let tls = try #require(result.tls)
            #expect(tls.verification == .trusted)
            #expect(tls.subject == "CN=localhost, O=opsdeck tests")
            #expect(tls.daysLeft(now: Date()) == 29)
        }
    }

    @Test func insecureAndStrictProbesNeverShareAConnection() async throws {
        let (proxy, url) = try Self.proxied()
        defer { proxy.stop() }
        let runner = LiveProbeRunner(client: try HTTPClient(trustRoots: .file(try TLSEndpoints.caFile())))
        for insecure in [false, true, false, true] {
            let result = await runner.run(Self.probe(url, insecure: insecure))
            #expect(result.state == .ok, "\(result.failedCondition ?? "")")
            #expect(result.tls?.verification == .trusted)
        }
        #expect(proxy.connectionCount == 2)
    }

    @Test func aRejectedCertificateLeavesNoConnectionBehind() async throws {
        // The system's authorities do not know the test CA: refused, and its connection closed, so a
        // later strict request makes its own handshake and is refused again.
        let (proxy, url) = try Self.proxied()
        defer { proxy.stop() }
        let client = try HTTPClient()
        for _ in 0..<2 {
            let error = await #expect(throws: HTTPClientError.self) {
                try await client.send(HTTPRequest(url: url), timeout: .seconds(5))
            }
            #expect(error?.tls?.verification == .untrusted("issued by CN=opsdeck test CA, which is not a trusted authority"))
        }
        #expect(proxy.connectionCount == 2)
        #expect(client.pool?.idleCount == 0)
    }
}
