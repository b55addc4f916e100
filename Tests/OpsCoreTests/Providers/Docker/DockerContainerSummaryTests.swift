import Foundation
import Testing
@testable import OpsCore

@Suite struct DockerContainerSummaryTests {
    @Test func readsTheCapturedListing() throws {
        let summaries = try DockerContainerSummary.parse(psOutput: DockerFixture.bytes("ps.ndjson"))
        #expect(summaries.map(\.id) == DockerFixture.psOrder)
        let sick = try #require(summaries.last)
        #expect(sick.names == ["fx-sick"])
        #expect(sick.name == "fx-sick")
        #expect(sick.image == "opsdeck-test/web:1.5.0")
        #expect(sick.command == "\"/app/serve\"")
        #expect(sick.stateWord == "running")
        #expect(sick.statusText == "Up 7 seconds (unhealthy)")
        #expect(sick.status == DockerStatusText(state: .running, health: .unhealthy, ageSeconds: 7))
        #expect(sick.createdAt == DockerFixture.time(2026, 11, 29, 4, 30, 56))
        let crashLoop = try #require(summaries.first { $0.id == DockerFixture.crashLoop })
        #expect(crashLoop.status.isRestarting && crashLoop.status.exitCode == 1)
    }

    @Test func keepsLabelsAsPrintedAndSiftsByThem() throws {
        let summaries = try DockerContainerSummary.parse(psOutput: DockerFixture.bytes("ps.ndjson"))
        let hostile = try #require(summaries.first)
        // Commas inside values make the text ambiguous; the escape sequences arrive raw.
        #expect(hostile.labelsText.contains("org.opsdeck.note=a,b=c,d,"))
        #expect(hostile.labelsText.contains(DockerFixture.escapeLabel))
        #expect(hostile.mightCarry(label: "org.opsdeck.note", value: "a,b=c,d"))
        #expect(hostile.mightCarry(label: "com.docker.compose.service", value: DockerFixture.hostileService))
        let staging = try #require(summaries.first { $0.id == DockerFixture.stagingAPI })
        #expect(staging.mightCarry(label: "com.docker.compose.project", value: "fx-staging"))
        #expect(!staging.mightCarry(label: "com.docker.compose.project", value: "fx-production"))
    }

    @Test func readsGoTimesInAnyZone() throws {
        let line = #"{"ID":"e8b3b2d604f1","Names":"/shop-web-1","CreatedAt":"2025-05-13 11:58:01 +0200 CEST"}"#
        let summary = try #require(try DockerContainerSummary.parse(psOutput: line).first)
        #expect(summary.createdAt == DockerFixture.time(2025, 5, 13, 9, 58, 1))
        #expect(summary.names == ["shop-web-1"])
    }

    @Test func splitsLinkedNamesAndToleratesMissingFields() throws {
        let output = """
        {"ID":"0123456789ab","Names":"web,other/web-alias"}\r

        {"ID":"abcdefabcdef"}
        """
        let summaries = try DockerContainerSummary.parse(psOutput: output)
        #expect(summaries.map(\.names) == [["web", "other/web-alias"], []])
        #expect(summaries[1].name == "abcdefabcdef")
        #expect(summaries[1].status.state == .unknown)
        #expect(summaries[1].createdAt == nil)
        #expect(try DockerContainerSummary.parse(psOutput: "").isEmpty)
    }

    /// A line without an id that could go into an argv is skipped: `--help` would be a flag.
    @Test func skipsEntriesWithoutAUsableID() throws {
        let output = """
        {"Names":"no-id"}
        {"ID":"--help","Names":"flag"}
        {"ID":"0123456789AB","Names":"upper-case"}
        {"ID":42,"Names":"number"}
        {"ID":"0123456789ab","Names":"good"}
        """
        #expect(try DockerContainerSummary.parse(psOutput: output).map(\.name) == ["good"])
    }

    @Test func keepsHostileNamesAsTheyAre() throws {
        let output = #"{"ID":"0123456789ab","Names":"a;rm -rf /,$(id),\u001b]0;pwned\u0007","Status":"Up 1 second"}"#
        let summary = try #require(try DockerContainerSummary.parse(psOutput: output).first)
        #expect(summary.names == ["a;rm -rf /", "$(id)", "\u{1B}]0;pwned\u{07}"])
    }

    @Test func namesTheCommandAndLineOfTruncatedOutput() throws {
        let lines = try DockerFixture.lines("ps.ndjson")
        let cut = lines[0] + "\n" + String(lines[1].prefix(120))
        let error = try #require(throws: DockerOutputError.self) { try DockerContainerSummary.parse(psOutput: cut) }
        #expect(error.command == "docker ps")
        #expect(error.problem == "line 2 ends in the middle of a JSON value (truncated?)")
        #expect(error.description.hasPrefix("`docker ps` printed output opsdeck cannot read: line 2"))
    }

    @Test(arguments: [
        ("Error: something went wrong", "line 1 is not valid JSON (byte 1)"),
        (#"{"ID":"0123456789ab",}"#, "line 1 is not valid JSON (byte 22)"),
        (#"["0123456789ab"]"#, "line 1 is not a JSON object"),
        ("\u{1B}[2J\u{1B}[H{", "line 1 is not valid JSON (byte 1)"),
    ])
    func rejectsGarbageWithAClearError(_ output: String, _ problem: String) throws {
        let error = try #require(throws: DockerOutputError.self) { try DockerContainerSummary.parse(psOutput: output) }
        #expect(error.problem == problem)
        // The excerpt shows control characters as text, never raw.
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func readsTwoHundredContainers() throws {
        let template = try DockerFixture.lines("ps.ndjson")[10]
        var output = ""
        for index in 0..<200 {
            let id = String(repeating: "0", count: 64 - String(index, radix: 16).count) + String(index, radix: 16)
            output += template.replacingOccurrences(of: DockerFixture.stagingAPI, with: id)
                .replacingOccurrences(of: "fx-staging_api_1", with: "load_api_\(index)") + "\n"
        }
        let summaries = try DockerContainerSummary.parse(psOutput: output)
        #expect(summaries.count == 200)
        #expect(Set(summaries.map(\.id)).count == 200)
        #expect(summaries[199].name == "load_api_199")
        #expect(summaries.allSatisfy { $0.status.health == .healthy })
    }
}
