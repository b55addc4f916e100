/// One value of a metric as Prometheus gives it. The API writes values as strings so that the
/// IEEE specials survive JSON: `NaN` (`0/0`, a ratio with no traffic), `+Inf` and `-Inf` (`1/0`,
/// a histogram's top bucket). They are cases of their own so that `number` is always finite and
/// code that compares or formats it never meets a NaN by surprise.
public enum MetricValue: Sendable, Equatable {
    /// Finite.
    case number(Double)
    case notANumber
    case positiveInfinity
    case negativeInfinity

    /// The case for `double`.
    public init(_ double: Double) {
        if double.isNaN {
            self = .notANumber
        } else if double.isInfinite {
            self = double > 0 ? .positiveInfinity : .negativeInfinity
        } else {
            self = .number(double)
        }
    }

    /// Parses a sample value as the API writes it: a decimal or exponent number, `NaN`, `+Inf`,
    /// `-Inf` (and `Inf`, which Prometheus accepts on input). Nil for anything else.
    public init?(prometheusText text: String) {
        switch text {
        case "NaN": self = .notANumber
        case "+Inf", "Inf": self = .positiveInfinity
        case "-Inf": self = .negativeInfinity
        default:
            // Double(_:) would also take "nan", "infinity" and hex floats, which the API never
            // writes: only decimal digits, a sign, a point and an exponent are let through.
            guard !text.isEmpty, text.utf8.count <= 64,
                  text.utf8.allSatisfy({ ASCII.isDigit($0) || "+-.eE".utf8.contains($0) }),
                  let double = Double(text) else { return nil }
            self.init(double)
        }
    }

    /// The value as a Double (NaN and the infinities included).
    public var doubleValue: Double {
        switch self {
        case .number(let value): value
        case .notANumber: .nan
        case .positiveInfinity: .infinity
        case .negativeInfinity: -.infinity
        }
    }

    /// The value when it is finite, for sparklines and sums; nil for NaN and the infinities.
    public var finiteValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}
