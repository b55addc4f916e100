import Foundation
import Testing
@testable import OpsCore

@Suite struct AlertTests {
    static let at = Date(timeIntervalSince1970: 1_795_860_000)

    @Test func summariesAreOneLineForAStatusBar() {
        let probe = ProbeID(service: "api", environment: "production", name: "health")
        #expect(Alert(subject: .probe(probe), transition: .raised, state: "failing",
                      reason: "status 503, expected 200-299", at: Self.at).summary
                == "ALERT api/production/health failing: status 503, expected 200-299")
        #expect(Alert(subject: .probe(probe), transition: .recovered, state: "ok", at: Self.at).summary
                == "RECOVERED api/production/health ok")
        let fixed = ProbeID(service: "worker", environment: nil, name: "queue")
        #expect(Alert(subject: .probe(fixed), transition: .raised, state: "failing", reason: "redis-cli exited with 1",
                      at: Self.at).summary == "ALERT worker/queue failing: redis-cli exited with 1")
        let metric = Alert(subject: .metric(service: "api", environment: "production", name: "error_rate"),
                           transition: .raised, state: "critical", reason: "above 0.05", value: "0.12", at: Self.at)
        #expect(metric.summary == "ALERT api/production/error_rate critical: value 0.12; above 0.05")
        #expect(metric.path == "api/production/error_rate")
        #expect(metric.service == "api" && metric.environment == "production" && metric.name == "error_rate")
    }

    @Test func outsideWordsAreMadeSafeWhoeverMakesTheAlert() {
        let probe = ProbeID(service: "api\u{1B}[2J", environment: "production", name: "health")
        var alert = Alert(subject: .probe(probe), transition: .raised, state: "failing",
                          reason: "body: \u{1B}]52;c;payload\u{07}\nsecond line token=hunter2", at: Self.at)
        #expect(alert.reason == #"body: \e]52;c;payload\x07\nsecond line token=[REDACTED]"#)
        #expect(alert.summary == #"ALERT api\e[2J/production/health failing: body: \e]52;c;payload\x07\nsecond line token=[REDACTED]"#)
        alert.reason = "password=x\r"
        #expect(alert.reason == #"password=[REDACTED]\x0d"#)
        alert.value = "1\t2"
        #expect(alert.value == "1   2")
    }
}
