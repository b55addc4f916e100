import Testing
@testable import OpsCore

@Suite struct TraceIDTests {
    @Test func normalisesEveryForm() {
        let cases: [(String, String)] = [
            ("4bf92f3577b34da6a3ce929d0e0e4736", "4bf92f3577b34da6a3ce929d0e0e4736"),             // W3C, Serilog @tr
            ("4BF92F3577B34DA6A3CE929D0E0E4736", "4bf92f3577b34da6a3ce929d0e0e4736"),
            ("0x4bf92f3577b34da6a3ce929d0e0e4736", "4bf92f3577b34da6a3ce929d0e0e4736"),           // OTel Python console
            ("0X4BF92F3577B34DA6", "4bf92f3577b34da6"),
            ("a3ce929d0e0e4736", "a3ce929d0e0e4736"),                                             // 64-bit, kept 16
            ("1-5759e988-bd862e3fe1be46a994272793", "5759e988bd862e3fe1be46a994272793"),          // X-Ray, Powertools
            ("projects/my-project/traces/4bf92f3577b34da6a3ce929d0e0e4736", "4bf92f3577b34da6a3ce929d0e0e4736"),
            ("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "4bf92f3577b34da6a3ce929d0e0e4736"),
            ("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra", "4bf92f3577b34da6a3ce929d0e0e4736"),
            ("1234567890123456789", "112210f47de98115"),                                          // Datadog decimal
            ("18446744073709551615", "ffffffffffffffff"),
            ("1", "0000000000000001"),
            ("1234567890123456", "1234567890123456"),                                             // 16 digits: hex
        ]
        for (text, expected) in cases {
            #expect(TraceID.normalise(text) == expected, "\(text)")
        }
    }

    @Test func readsDatadogNumbers() {
        #expect(TraceID.normalise(decimal: 1_234_567_890_123_456_789) == "112210f47de98115")
        #expect(TraceID.normalise(decimal: .max) == "ffffffffffffffff")
        #expect(TraceID.normalise(decimal: 255) == "00000000000000ff")
        #expect(TraceID.normalise(decimal: 0) == nil)
    }

    @Test func dropsZeroIdsAndRejectsEverythingElse() {
        for text in ["00000000000000000000000000000000", "0000000000000000", "0x0000000000000000", "0",
                     "00000000000000000000", "1-00000000-000000000000000000000000",
                     "00-00000000000000000000000000000000-00f067aa0ba902b7-01", "projects/p/traces/00000000000000000000000000000000",
                     "", "0x", "4bf92f3577b34da6a3ce929d0e0e473", "4bf92f3577b34da6a3ce929d0e0e47360",
                     "4bf92f3577b34da6a3ce929d0e0e473g", "4bf92f3577b34da", "18446744073709551616", "123456789012345678901",
                     "-1", " 4bf92f3577b34da6a3ce929d0e0e4736", "2-5759e988-bd862e3fe1be46a994272793",
                     "1-5759e988bd862e3fe1be46a994272793", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                     "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
                     "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", "projects/p/spans/4bf92f3577b34da6a3ce929d0e0e4736",
                     "projects/4bf92f3577b34da6a3ce929d0e0e4736", "0x1234", "4bf92f35-77b3-4da6-a3ce-929d0e0e4736"] {
            #expect(TraceID.normalise(text) == nil, "\(text)")
        }
    }

    @Test func neverCrashesOnRandomBytesAndOnlyGivesHex() {
        var random = NormaliseFuzzBytes(seed: 0x5EED_0003)
        let samples = ["1-5759e988-bd862e3fe1be46a994272793", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                       "projects/p/traces/4bf92f3577b34da6a3ce929d0e0e4736", "0x4bf92f3577b34da6", "1234567890123456789"]
        for round in 0..<4_000 {
            let bytes = round % 2 == 0 ? random.bytes() : random.mutate(samples[round % samples.count])
            let id = bytes.withUnsafeBufferPointer { TraceID.normalise($0) }
            if let id {
                #expect(id.count == 16 || id.count == 32, "\(id)")
                #expect(id.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }, "\(id)")
                #expect(id.utf8.contains { $0 != UInt8(ascii: "0") }, "\(id)")
            }
        }
    }
}
