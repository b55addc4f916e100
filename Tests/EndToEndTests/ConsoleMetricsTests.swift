import Foundation
import Testing

/// The console reading a real Prometheus (scripts/prometheus: a test exporter with 10 good and 1
/// failed request a second) in a real terminal: the metric's column, its health, its details, and
/// the alert when it crosses its critical threshold.
@Suite(.enabled(if: DockerEngine.shouldRun && TmuxSession.shouldRun && TestPrometheus.shouldRun,
                "needs the test engine, tmux and the test Prometheus"))
struct ConsoleMetricsTests {
    @Test func aMetricShowsInItsColumnDegradesHealthAndAlertsWhenCritical() throws {
        let url = try TestPrometheus.url()
        let scenario = try DockerScenario.get()
        let folder = try ScratchFolder()
        // The error ratio (about 0.09) is past its warning in staging and past critical in production.
        try folder.write("opsdeck.yml", """
            environments:
              staging:    { prometheus: { url: "\(url)" } }
              production: { prometheus: { url: "\(url)" } }
            journal_path: \(folder.path)/journal.jsonl
            services:
              api:
                staging:    { provider: docker, project: \(scenario.stagingProject), service: api }
                production: { provider: docker, project: \(scenario.productionProject), service: api }
                metrics:
                  error_ratio: { query: 'sum(rate(http_requests_total{code="500"}[5s])) / sum(rate(http_requests_total[5s]))', warn: 0.05, critical: 0.5 }
                  rps: 'sum(rate(http_requests_total[5s]))'
              worker:
                staging:    { provider: docker, project: \(scenario.stagingProject), service: worker }
                production: { provider: docker, project: \(scenario.productionProject), service: worker }
                metrics:
                  broken: 'sum(rate(http_requests_total[5s]'
                  errors: { query: 'sum(rate(http_requests_total{code="500"}[5s]))', critical: 0.5 }
            """)
        let home = folder.path + "/home"
        let session = try TmuxSession(try opsdeckCommand("--poll 3600 --metric-interval 1"), columns: 160, rows: 48,
                                      environment: ["HOME": home, "XDG_CONFIG_HOME": home + "/.config",
                                                    "DOCKER_HOST": try DockerEngine.requireHost()],
                                      remainOnExit: true, currentDirectory: folder.path)
        #expect(session.waitFor("ERROR_RATI", timeout: .seconds(20)))
        // About 0.09 in both environments, judged warn: the health column says degraded.
        #expect(session.waitUntil("api's error ratio and degraded health", timeout: .seconds(30)) { screen in
            guard let row = ConsoleDockerTests.row(screen, "api", "staging") else { return false }
            return row.range(of: #"0\.0[89]\d*"#, options: .regularExpression) != nil && row.contains("degraded")
        })
        #expect(session.waitUntil("the details explain it", timeout: .seconds(10)) { screen in
            screen.contains("metric error_ratio:") && screen.contains("above 0.05")
        })
        // The broken query is an error in its column and in words in worker's details; the errors
        // metric (1 a second) is past its critical threshold: an alert.
        // (in both environments: the banner shows whichever came last, and counts the other).
        #expect(session.waitUntil("an alert for worker's errors", timeout: .seconds(30)) { screen in
            screen.range(of: #"ALERT worker/(staging|production)/errors critical"#, options: .regularExpression) != nil
        })
        try session.keys("a", "G")
        #expect(session.waitFor("bad_data", timeout: .seconds(15)))
        let journal = (try? String(contentsOfFile: folder.path + "/journal.jsonl", encoding: .utf8)) ?? ""
        #expect(journal.contains(#""metric":"errors""#))
        try session.keys("q")
        #expect(session.waitForExit())
    }
}
