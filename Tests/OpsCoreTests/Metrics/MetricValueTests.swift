import Foundation
import Testing
@testable import OpsCore

@Suite struct MetricValueTests {
    @Test(arguments: [
        ("0.0909", MetricValue.number(0.0909)), ("1", .number(1)), ("-2.5", .number(-2.5)), ("1e-3", .number(0.001)),
        ("1.5E+06", .number(1_500_000)), ("NaN", .notANumber), ("+Inf", .positiveInfinity), ("Inf", .positiveInfinity),
        ("-Inf", .negativeInfinity), ("1e999", .positiveInfinity),
    ])
    func parsesTheAPIsValueText(text: String, value: MetricValue) {
        #expect(MetricValue(prometheusText: text) == value)
    }

    @Test(arguments: ["", " 1", "1 ", "nan", "inf", "infinity", "0x1p3", "1,5", "one", "--1", String(repeating: "1", count: 100)])
    func refusesWhatTheAPINeverWrites(text: String) {
        #expect(MetricValue(prometheusText: text) == nil)
    }

    @Test func numberIsAlwaysFinite() {
        #expect(MetricValue(Double.nan) == .notANumber)
        #expect(MetricValue(Double.infinity) == .positiveInfinity)
        #expect(MetricValue(-Double.infinity) == .negativeInfinity)
        #expect(MetricValue(3) == .number(3))
        #expect(MetricValue.notANumber.doubleValue.isNaN)
        #expect(MetricValue.positiveInfinity.finiteValue == nil)
        #expect(MetricValue.number(2).finiteValue == 2)
    }

    @Test(arguments: [
        (0.0, "0"), (1, "1"), (10, "10"), (0.5, "0.5"), (0.0909090909, "0.0909"), (12.345, "12.3"), (99.96, "100"),
        (999.7, "1k"), (1200, "1.2k"), (1234, "1.23k"), (12_345, "12.3k"), (123_456, "123k"), (1_234_567, "1.23M"),
        (2.5e9, "2.5G"), (7e12, "7T"), (1e15, "1P"), (4.2e18, "4.2E"), (1e21, "1e21"), (0.001, "0.001"),
        (0.0012345, "0.00123"), (0.00012345, "1.23e-4"), (-0.0909, "-0.0909"), (-1234, "-1.23k"), (-45.6e6, "-45.6M"),
        (-0.00012345, "-1.2e-4"), (-1.2345e-300, "-1e-300"), (Double.leastNonzeroMagnitude, "5e-324"), (Double.greatestFiniteMagnitude, "1.8e308"),
        (-Double.greatestFiniteMagnitude, "-2e308"),
    ])
    func textIsCompact(value: Double, text: String) {
        #expect(MetricValue.number(value).text == text)
    }

    @Test func specialsAreWrittenAsPrometheusWritesThem() {
        #expect(MetricValue.notANumber.text == "NaN")
        #expect(MetricValue.positiveInfinity.text == "+Inf")
        #expect(MetricValue.negativeInfinity.text == "-Inf")
    }

    /// Random bit patterns (every magnitude) and the rounding edges of every power of ten.
    @Test func noTextIsWiderThanSevenColumns() {
        var generator = SplitMix64(seed: 42)
        var values = (0..<5_000).map { _ in Double(bitPattern: generator.next()) }.filter(\.isFinite)
        for power in -324...308 {
            for mantissa in [1, 9.99, 9.995, 9.9951, 1.0005] {
                values.append(mantissa * pow(10, Double(power)))
                values.append(-mantissa * pow(10, Double(power)))
            }
        }
        let wide = values.filter(\.isFinite).map { ($0, MetricValue.number($0).text) }
            .filter { $0.1.utf8.count > MetricValue.maximumTextWidth }
        #expect(wide.isEmpty, "\(wide.prefix(10))")
    }
}
