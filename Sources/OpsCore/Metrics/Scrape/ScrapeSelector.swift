/// Which series of a scraped page a metric reads: a name and label matchers, written as in PromQL
/// (`http_requests_total{status="500",method!="HEAD"}`).
public struct ScrapeSelector: Sendable, Hashable, CustomStringConvertible {
    public struct Matcher: Sendable, Hashable {
        public var label: String
        public var value: String
        /// `=` when true, `!=` when false. A label a series does not have reads as empty, as in PromQL.
        public var equal: Bool

        public init(label: String, value: String, equal: Bool = true) {
            self.label = label
            self.value = value
            self.equal = equal
        }

        func matches(_ sample: ExpositionSample) -> Bool {
            (sample.label(label) ?? "") == value ? equal : !equal
        }
    }

    public var name: String
    public var matchers: [Matcher]

    public init(name: String, matchers: [Matcher] = []) {
        self.name = name
        self.matchers = matchers
    }

    public func matches(_ sample: ExpositionSample) -> Bool {
        sample.name == name && matchers.allSatisfy { $0.matches(sample) }
    }

    /// As written in a configuration, values quoted with the format's escapes.
    public var description: String {
        guard !matchers.isEmpty else { return name }
        let parts = matchers.map { "\($0.label)\($0.equal ? "=" : "!=")\(Self.quoted($0.value))" }
        return name + "{" + parts.joined(separator: ",") + "}"
    }

    private static func quoted(_ value: String) -> String {
        var text = "\""
        for character in value {
            switch character {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            default: text.append(character)
            }
        }
        return text + "\""
    }
}

/// What a scraped metric reads from a service's own `/metrics` page (the `scrape:` key):
///
/// - `name` or `name{label="value"}`: the value as it is (a gauge); with several matching series,
///   the worst of them, as for a PromQL answer of several series.
/// - `rate(name{…})`: a counter's per-second increase between two scrapes, summed over the matching
///   series (a series that went down was reset, and counts its new value as the increase).
public enum ScrapeExpression: Sendable, Hashable, CustomStringConvertible {
    case value(ScrapeSelector)
    case rate(ScrapeSelector)

    public var selector: ScrapeSelector {
        switch self {
        case .value(let selector), .rate(let selector): selector
        }
    }

    public var description: String {
        switch self {
        case .value(let selector): selector.description
        case .rate(let selector): "rate(\(selector))"
        }
    }

    /// Reads an expression; the error says what is wrong in words, for the configuration's report.
    public static func parse(_ text: String) -> Result<ScrapeExpression, ScrapeExpressionError> {
        var copy = text
        return copy.withUTF8 { bytes in
            var cursor = ExpositionCursor(bytes)
            cursor.skipBlanks()
            let isRate = ASCII.matches("rate", in: bytes, at: cursor.position)
                && { var probe = cursor; probe.position &+= 4; probe.skipBlanks(); return probe.current == UInt8(ascii: "(") }()
            if isRate {
                cursor.position &+= 4
                cursor.skipBlanks()
                _ = cursor.take(UInt8(ascii: "("))
                cursor.skipBlanks()
            }
            let selector: ScrapeSelector
            switch readSelector(&cursor) {
            case .success(let read): selector = read
            case .failure(let error): return .failure(error)
            }
            cursor.skipBlanks()
            if isRate {
                guard cursor.take(UInt8(ascii: ")")) else {
                    return .failure(ScrapeExpressionError("rate( is not closed: expected rate(series_name)"))
                }
                cursor.skipBlanks()
            }
            guard cursor.atEnd else {
                let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[cursor.position...]), as: UTF8.self)
                return .failure(ScrapeExpressionError("unexpected \(rest.debugDescription) after \(selector): "
                    + "expected a series (name{label=\"value\"}) or rate(series); other PromQL needs a Prometheus (query:)"))
            }
            return .success(isRate ? .rate(selector) : .value(selector))
        }
    }

    private static func readSelector(_ cursor: inout ExpositionCursor) -> Result<ScrapeSelector, ScrapeExpressionError> {
        guard let name = cursor.metricName() else {
            return .failure(ScrapeExpressionError("expected a series name (letters, digits, _ and :, e.g. http_requests_total)"))
        }
        cursor.skipBlanks()
        var matchers: [ScrapeSelector.Matcher] = []
        guard cursor.take(UInt8(ascii: "{")) else { return .success(ScrapeSelector(name: name)) }
        while true {
            cursor.skipBlanks()
            if cursor.take(UInt8(ascii: "}")) { break }
            guard let label = cursor.labelName() else {
                return .failure(ScrapeExpressionError("expected a label name in the braces of \(name)"))
            }
            cursor.skipBlanks()
            let equal: Bool
            if cursor.take(UInt8(ascii: "=")) {
                equal = true
            } else if cursor.take(UInt8(ascii: "!")), cursor.take(UInt8(ascii: "=")) {
                equal = false
            } else {
                return .failure(Self.regexMatcher(label))
            }
            // `=~` and `!~` are regular expressions, which a page read without Prometheus cannot do.
            guard cursor.current != UInt8(ascii: "~") else { return .failure(Self.regexMatcher(label)) }
            cursor.skipBlanks()
            guard let value = cursor.quotedValue() else {
                return .failure(ScrapeExpressionError("expected a double-quoted value for label \(label)"))
            }
            matchers.append(ScrapeSelector.Matcher(label: label, value: value, equal: equal))
            cursor.skipBlanks()
            if cursor.take(UInt8(ascii: ",")) { continue }
            guard cursor.take(UInt8(ascii: "}")) else {
                return .failure(ScrapeExpressionError("expected , or } after label \(label)"))
            }
            break
        }
        return .success(ScrapeSelector(name: name, matchers: matchers))
    }
}

extension ScrapeExpression {
    fileprivate static func regexMatcher(_ label: String) -> ScrapeExpressionError {
        ScrapeExpressionError("expected = or != after label \(label) (regular expressions need a Prometheus)")
    }
}

public struct ScrapeExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
