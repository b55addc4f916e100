import Testing
@testable import OpsCore

@Suite struct DockerTimeTests {
    @Test(arguments: [
        ("2026-11-29T04:31:04.292420129Z", DockerFixture.time(2026, 11, 29, 4, 31, 4, nanoseconds: 292_420_129)),
        ("2026-11-29T04:31:04Z", DockerFixture.time(2026, 11, 29, 4, 31, 4)),
        ("2024-05-01T14:34:56.5+02:00", DockerFixture.time(2024, 5, 1, 12, 34, 56, nanoseconds: 500_000_000)),
        ("2025-05-13 09:58:01 +0000 UTC", DockerFixture.time(2025, 5, 13, 9, 58, 1)),
        ("2025-05-13 11:58:01 +0200 CEST", DockerFixture.time(2025, 5, 13, 9, 58, 1)),
        ("2025-01-13 04:58:01 -0500 EST", DockerFixture.time(2025, 1, 13, 9, 58, 1)),
        ("2025-05-13 09:58:01.123 +0000 UTC m=+0.000123456", DockerFixture.time(2025, 5, 13, 9, 58, 1, nanoseconds: 123_000_000)),
    ])
    func readsDockersTimes(_ text: String, _ expected: LogTimestamp) {
        #expect(DockerTime.parse(text) == expected)
    }

    @Test(arguments: ["0001-01-01T00:00:00Z", "", "yesterday", "2025-13-45T99:00:00Z", "2025-05-13 09:58", " m=+1"])
    func readsNeverAndGarbageAsNil(_ text: String) {
        #expect(DockerTime.parse(text) == nil)
    }
}
