import OpsCore
import Testing
@testable import OpsDemo

/// The service's behaviour on a clock the test moves: no sockets, no waiting.
@Suite struct DemoServiceTests {
    final class Harness: Sendable {
        let uptime = LockedValue(0.0)
        let events = LockedValue<[DemoLogEvent]>([])
        let service: DemoService

        init(behaviour: DemoBehaviour, timeScale: Double = 1, version: String = "1.4.0") {
            let uptime = uptime, events = events
            service = DemoService(identity: DemoIdentity(service: "api", environment: "staging", version: version),
                                  behaviour: behaviour, timeScale: timeScale, seed: 7,
                                  log: { event in events.withLock { $0.append(event) } },
                                  uptime: { uptime.value },
                                  wallClock: { LogTimestamp(secondsSinceEpoch: 1_795_869_296) })
        }

        /// Moves the clock to `seconds` in steps of a tenth of a second, making the traffic due.
        func advance(to seconds: Double) {
            var now = uptime.value
            while now < seconds {
                now = min(now + 0.1, seconds)
                uptime.withLock { $0 = now }
                service.generateTraffic()
            }
        }
    }

    @Test func readyAfterWarmUpInModelTime() {
        let healthy = Harness(behaviour: .healthy)
        #expect(healthy.service.ready().status == 503)
        healthy.advance(to: 0.3)
        #expect(healthy.service.ready().status == 200)

        let degrading = Harness(behaviour: .degrading, timeScale: 20)
        degrading.advance(to: 0.29)
        #expect(degrading.service.ready().status == 503)
        degrading.advance(to: 0.3)
        #expect(degrading.service.ready().status == 200)
    }

    @Test func trafficRunsAtFiveRequestsAModelSecond() {
        let harness = Harness(behaviour: .healthy, timeScale: 4)
        harness.advance(to: 10)
        let page = ExpositionParser.parse(harness.service.metricsPage())
        let count = page.samples.first { $0.name == "http_request_duration_seconds_count" }?.value
        #expect(count == .number(200))
        // Every synthetic request is an access line.
        let accessLines = harness.events.value.filter { $0.message == "request completed" || $0.message == "request failed" }
        #expect(accessLines.count == 200)
    }

    @Test func aLongStallIsSkippedNotReplayed() {
        let harness = Harness(behaviour: .healthy)
        harness.uptime.withLock { $0 = 3600 }
        #expect(harness.service.generateTraffic() == DemoService.maximumBurst)
        #expect(harness.service.generateTraffic() == 0)
    }

    @Test func aDegradingVersionTurnsUnhealthyAsItsErrorsRise() {
        let harness = Harness(behaviour: .degrading, timeScale: 20, version: "1.5.0")
        harness.advance(to: 0.5)
        #expect(harness.service.health().status == 200)
        harness.advance(to: 6.5)
        let ratio = harness.service.errorRatio() ?? 0
        #expect(ratio > 0.25)
        #expect(harness.service.health().status == 503)
        let errors = harness.events.value.filter { $0.level == .error }
        #expect(!errors.isEmpty && errors.allSatisfy { $0.failure != nil })
        #expect(errors.allSatisfy { event in event.fields.contains { $0.key == "order_id" } })
    }

    @Test func aHealthyVersionStaysHealthy() {
        let harness = Harness(behaviour: .healthy, timeScale: 20)
        harness.advance(to: 10)
        #expect(harness.service.health() == DemoResponse(status: 200, body: "ok"))
        #expect((harness.service.errorRatio() ?? 1) < 0.05)
    }

    @Test func otherPathsAreSimulatedRequestsThatTakeTheirLatency() {
        let harness = Harness(behaviour: .healthy, timeScale: 2)
        let response = harness.service.respond(method: "GET", path: "/api/orders?page=2")
        #expect(response.status == 200)
        #expect((0.010...0.020).contains(response.delay))
        let last = harness.events.value.last { $0.message == "request completed" }
        #expect(last?.fields.contains(JSONMember("path", .string("/api/orders"))) == true)
        #expect(harness.service.respond(method: "GET", path: "/metrics").contentType.hasPrefix("text/plain; version=0.0.4"))
    }

    @Test func warningsComeNowAndThenWithIDs() {
        let harness = Harness(behaviour: .healthy, timeScale: 20)
        harness.advance(to: 20)
        let warnings = harness.events.value.filter { $0.level == .warn }
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { event in ["user_id", "order_id", "latency_ms"].allSatisfy { key in event.fields.contains { $0.key == key } } })
    }
}
