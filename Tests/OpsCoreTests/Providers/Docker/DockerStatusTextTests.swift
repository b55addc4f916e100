import Testing
@testable import OpsCore

@Suite struct DockerStatusTextTests {
    /// A `Status` text and what it must say.
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var expected: DockerStatusText
        init(_ text: String, _ state: RunState, _ health: HealthState = .none, exit: Int? = nil, restarting: Bool = false,
             age: Int64? = nil) {
            self.text = text
            expected = DockerStatusText(state: state, health: health, exitCode: exit, isRestarting: restarting, ageSeconds: age)
        }
        var testDescription: String { text }
    }

    static let documentedForms: [Case] = [
        Case("Up 3 minutes", .running, age: 180),
        Case("Up 3 minutes (healthy)", .running, .healthy, age: 180),
        Case("Up 10 seconds (health: starting)", .running, .starting, age: 10),
        Case("Up Less than a second (health: starting)", .running, .starting, age: 0),
        Case("Up 2 hours (unhealthy)", .running, .unhealthy, age: 7200),
        Case("Up 5 days (Paused)", .paused, age: 5 * 86_400),
        Case("Up About a minute", .running, age: 60),
        Case("Up About an hour (healthy)", .running, .healthy, age: 3600),
        Case("Restarting (1) 5 seconds ago", .degraded, exit: 1, restarting: true, age: 5),
        Case("Restarting (1) Less than a second ago", .degraded, exit: 1, restarting: true, age: 0),
        Case("Exited (137) 2 hours ago", .failed, exit: 137, age: 7200),
        Case("Exited (0) 2 weeks ago", .stopped, exit: 0, age: 14 * 86_400),
        Case("Exited (1) 3 months ago", .failed, exit: 1, age: 90 * 86_400),
        Case("Exited (2) 2 years ago", .failed, exit: 2, age: 730 * 86_400),
        Case("Exited (143) 1 second ago", .failed, exit: 143, age: 1),
        Case("Exited (0) 47 hours ago", .stopped, exit: 0, age: 47 * 3600),
        Case("Created", .starting),
        Case("Dead", .failed),
        Case("Removal In Progress", .stopped),
    ]

    @Test(arguments: documentedForms)
    func readsEveryDocumentedForm(_ form: Case) {
        #expect(DockerStatusText(form.text) == form.expected)
    }

    @Test func fallsBackToTheStateWordForTextItDoesNotKnow() {
        #expect(DockerStatusText("Hochgefahren seit 3 Minuten", stateWord: "running").state == .running)
        #expect(DockerStatusText("", stateWord: "exited").state == .stopped)
        #expect(DockerStatusText("", stateWord: "dead").state == .failed)
        #expect(DockerStatusText("", stateWord: "").state == .unknown)
        #expect(DockerStatusText("Exited (x) 2 hours ago", stateWord: "exited").exitCode == nil)
    }

    @Test func neverTrapsOnHostileNumbers() {
        let huge = DockerStatusText("Exited (99999999999999999999999) 2 hours ago", stateWord: "exited")
        #expect(huge.exitCode == nil)
        #expect(DockerStatusText("Up 9223372036854775807 years").ageSeconds == nil)
        #expect(DockerStatusText("Up (((((healthy)").state == .running)
        #expect(DockerStatusText("Restarting (").state == .unknown)
        #expect(DockerStatusText("Up \u{1B}[31m3 minutes\u{1B}[0m (healthy)").health == .healthy)
    }

    @Test func exitedIsStoppedOrFailedByItsCode() {
        #expect(DockerStatusText.state(ofWord: "exited", exitCode: 0) == .stopped)
        #expect(DockerStatusText.state(ofWord: "exited", exitCode: 137) == .failed)
        #expect(DockerStatusText.state(ofWord: "restarting") == .degraded)
        #expect(DockerStatusText.state(ofWord: "removing") == .stopped)
        #expect(DockerStatusText.state(ofWord: "created") == .starting)
        #expect(DockerStatusText.state(ofWord: "paused") == .paused)
    }

    /// Each captured `Status` says what `docker inspect` says of the same container.
    @Test func capturedStatusesAgreeWithInspect() throws {
        let summaries = try DockerContainerSummary.parse(psOutput: DockerFixture.bytes("ps.ndjson"))
        let details = try DockerContainerDetails.parse(inspectOutput: DockerFixture.bytes("inspect.json"))
        #expect(summaries.count == 13)
        for summary in summaries {
            let inspected = try #require(details.first { $0.id == summary.id })
            #expect(summary.status.state == DockerStatusText.state(ofWord: inspected.state.status,
                                                                   exitCode: inspected.state.exitCode), "\(summary.name)")
            if inspected.state.status == "running" {
                #expect(summary.status.health == inspected.state.health?.state ?? .none, "\(summary.name)")
            }
        }
    }
}
