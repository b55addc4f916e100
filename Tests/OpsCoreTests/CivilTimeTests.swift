import Testing
@testable import OpsCore

@Suite struct CivilTimeTests {
    @Test func roundTripsAcrossLeapYearsAndTheEpoch() {
        for seconds: Int64 in [0, -1, 951_782_400, 1_714_564_800, 4_102_444_800, 68_169_600] {
            let civil = CivilTime(secondsSinceEpoch: seconds)
            #expect(civil.secondsSinceEpoch == seconds)
        }
        #expect(CivilTime(secondsSinceEpoch: 951_782_400) == CivilTime(year: 2000, month: 2, day: 29))
    }

    @Test func formatsRFC3339WithMilliseconds() {
        let t = LogTimestamp(nanosecondsSinceEpoch: 1_714_564_800_123_456_789)
        #expect(t.rfc3339Milliseconds == "2024-05-01T12:00:00.123Z")
        #expect(LogTimestamp(nanosecondsSinceEpoch: -1).rfc3339Milliseconds == "1969-12-31T23:59:59.999Z")
    }
}
