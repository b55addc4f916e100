import Foundation
import Testing
@testable import OpsCore

/// Each condition, in the words a failing probe shows.
@Suite struct ProbeConditionsTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func response(status: Int = 200, body: String = #"{"status":"ok"}"#, headers: [HTTPHeader] = [],
                         latency: Duration = .milliseconds(20), certificateDaysLeft: Double? = nil,
                         truncated: Bool = false) -> HTTPResponse {
        let tls = certificateDaysLeft.map { days in
            TLSFacts(subject: "CN=x", issuer: "CN=ca", notBefore: now.addingTimeInterval(-86_400),
                     notAfter: now.addingTimeInterval(days * 86_400), verification: .trusted)
        }
        return HTTPResponse(status: status, headers: headers, body: Array(body.utf8), bodyTruncated: truncated,
                            latency: latency, tls: tls)
    }

    static func judge(_ response: HTTPResponse, _ expect: ProbeExpectation = ProbeExpectation()) -> ProbeConditions.Verdict {
        ProbeConditions.judge(response, expect: expect, now: now)
    }

    static func expectJSON(_ path: String, _ value: JSONValue) -> JSONExpectation {
        JSONExpectation(path: path, steps: JSONPathSyntax.steps(of: path) ?? [], value: value)
    }

    @Test func anAnswerMeetingEveryConditionIsOK() {
        let verdict = Self.judge(Self.response())
        #expect(verdict == ProbeConditions.Verdict(state: .ok, failedCondition: nil))
    }

    @Test func aStatusOutsideTheRangesFails() {
        #expect(Self.judge(Self.response(status: 503)).failedCondition == "status 503, expected 200-299")
        let several = ProbeExpectation(status: [200...200, 204...204, 300...302])
        #expect(Self.judge(Self.response(status: 404), several).failedCondition == "status 404, expected 200, 204, 300-302")
        #expect(Self.judge(Self.response(status: 503), several).state == .failing)
    }

    @Test func aMissingHeaderFails() {
        let expect = ProbeExpectation(headers: ["Strict-Transport-Security", "Content-Security-Policy"])
        let response = Self.response(headers: [HTTPHeader("content-security-policy", "default-src 'none'")])
        #expect(Self.judge(response, expect) == .init(state: .failing,
                                                      failedCondition: "header Strict-Transport-Security missing"))
    }

    @Test func bodyTextMustBeThere() {
        let expect = ProbeExpectation(bodyContains: "healthy")
        #expect(Self.judge(Self.response(body: "all healthy"), expect).state == .ok)
        #expect(Self.judge(Self.response(body: "sick"), expect).failedCondition == #"body does not contain "healthy""#)
        #expect(Self.judge(Self.response(body: String(repeating: "x", count: 1024), truncated: true), expect)
                .failedCondition == #"body does not contain "healthy" (in its first 1 KiB)"#)
    }

    @Test func jsonValuesAreComparedAndNamed() {
        let expect = ProbeExpectation(json: [Self.expectJSON("$.status", .string("ok"))])
        #expect(Self.judge(Self.response(body: #"{"status":"down"}"#), expect).failedCondition
                == #"$.status is "down", expected "ok""#)
        #expect(Self.judge(Self.response(body: #"{"state":"ok"}"#), expect).failedCondition
                == #"$.status is missing, expected "ok""#)
        #expect(Self.judge(Self.response(body: "<html>"), expect).failedCondition?
                .hasPrefix(#"body is not JSON ("#) == true)
        #expect(Self.judge(Self.response(body: "<html>"), expect).failedCondition?.hasSuffix(#"), expected $.status "ok""#) == true)
    }

    @Test func jsonNumbersCompareByValueAndPathsReachIntoArrays() {
        let expect = ProbeExpectation(json: [Self.expectJSON("$.checks[1].healthy", .bool(true)),
                                             Self.expectJSON("$.replicas", .number("3"))])
        let body = #"{"replicas":3.0,"checks":[{"healthy":true},{"healthy":false}]}"#
        #expect(Self.judge(Self.response(body: body), expect).failedCondition == "$.checks[1].healthy is false, expected true")
        let good = #"{"replicas":3,"checks":[{},{"healthy":true}]}"#
        #expect(Self.judge(Self.response(body: good), expect).state == .ok)
    }

    @Test func slownessOnlyDegrades() {
        let expect = ProbeExpectation(maxMilliseconds: 500)
        #expect(Self.judge(Self.response(latency: .milliseconds(812)), expect)
                == .init(state: .degraded, failedCondition: "latency 812 ms over 500 ms"))
        #expect(Self.judge(Self.response(latency: .milliseconds(500)), expect).state == .ok)
        #expect(ProbeConditions.judge(latency: .milliseconds(900), expect: expect)
                == .init(state: .degraded, failedCondition: "latency 900 ms over 500 ms"))
    }

    @Test func aCertificateNearItsEndDegradesAndAnExpiredOneFails() {
        let expect = ProbeExpectation(certificateDays: 14)
        #expect(Self.judge(Self.response(certificateDaysLeft: 3.5), expect)
                == .init(state: .degraded, failedCondition: "certificate expires in 3 days (minimum 14)"))
        #expect(Self.judge(Self.response(certificateDaysLeft: 1.2), expect).failedCondition
                == "certificate expires in 1 day (minimum 14)")
        #expect(Self.judge(Self.response(certificateDaysLeft: 0.5), expect).failedCondition
                == "certificate expires within a day (minimum 14)")
        #expect(Self.judge(Self.response(certificateDaysLeft: 20), expect).state == .ok)
        #expect(Self.judge(Self.response(certificateDaysLeft: -3.5), expect)
                == .init(state: .failing, failedCondition: "certificate expired 3 days ago"))
        #expect(Self.judge(Self.response(certificateDaysLeft: -0.5), expect).failedCondition
                == "certificate expired less than a day ago")
        // Without cert_days, days are reported but not judged.
        #expect(Self.judge(Self.response(certificateDaysLeft: 1)).state == .ok)
    }

    @Test func hardFailuresHideSoftOnesAndAreAllNamed() {
        let expect = ProbeExpectation(maxMilliseconds: 100, json: [Self.expectJSON("$.status", .string("ok"))],
                                      headers: ["X-Version"], certificateDays: 14)
        let response = Self.response(status: 503, body: #"{"status":"down"}"#, latency: .seconds(1), certificateDaysLeft: 2)
        #expect(Self.judge(response, expect) == .init(
            state: .failing,
            failedCondition: #"status 503, expected 200-299; header X-Version missing; $.status is "down", expected "ok""#))
        let slowAndExpiring = Self.response(latency: .seconds(1), certificateDaysLeft: 2)
        #expect(Self.judge(slowAndExpiring, ProbeExpectation(maxMilliseconds: 100, certificateDays: 14)).failedCondition
                == "certificate expires in 2 days (minimum 14); latency 1000 ms over 100 ms")
    }
}
