/// The filter a user types in a log pane (`f`), one line for every filter `opsdeck logs` has as
/// flags: `level>=warn user_id=42 "connection reset" /time(d)?out/ status>=500`.
///
/// - `level>=LEVEL` sets the minimum level (other level comparisons are conditions);
/// - `KEY=VALUE`, `KEY!=VALUE`, `KEY>=VALUE`, ... are field conditions (`--where`);
/// - `/PATTERN/` is a regular expression (`--regex`);
/// - `"some words"` and bare words are text to find (`--grep`, smart case);
/// - terms are ANDed. A backslash escapes a quote inside quotes.
public enum FilterExpression {
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// 0-based character offset in the expression where the problem is.
        public var offset: Int
        public var reason: String
        public var description: String { "at column \(offset + 1): \(reason)" }
    }

    public static func parse(_ text: String) throws(ParseError) -> LogQuery {
        var query = LogQuery()
        for term in try terms(of: text) {
            switch term.kind {
            case .quoted, .word:
                query.texts.append(term.text)
            case .pattern:
                do {
                    query.patterns.append(try TextPattern(term.text))
                } catch {
                    throw ParseError(offset: term.offset, reason: "/\(term.text)/ is not a valid regular expression")
                }
            case .condition:
                let condition: FieldCondition
                do {
                    condition = try FieldCondition(parsing: term.text)
                } catch {
                    throw ParseError(offset: term.offset, reason: error.description)
                }
                if condition.key == "level", condition.op == .greaterOrEqual,
                   let level = LogLevel(canonicalName: condition.value) {
                    query.minimumLevel = max(query.minimumLevel ?? level, level)
                } else {
                    query.conditions.append(condition)
                }
            }
        }
        return query
    }

    struct Term: Equatable {
        enum Kind { case word, quoted, pattern, condition }
        var kind: Kind
        var text: String
        var offset: Int
    }

    /// Splits the expression into terms, honouring quotes and slashes.
    static func terms(of text: String) throws(ParseError) -> [Term] {
        let characters = Array(text)
        var terms: [Term] = []
        var i = 0
        while i < characters.count {
            if characters[i] == " " || characters[i] == "\t" { i += 1; continue }
            let start = i
            if characters[i] == "\"" || characters[i] == "/" {
                let close = characters[i]
                var value = ""
                i += 1
                var closed = false
                while i < characters.count {
                    if characters[i] == "\\", i + 1 < characters.count, characters[i + 1] == close {
                        value.append(close)
                        i += 2
                        continue
                    }
                    if characters[i] == close { closed = true; i += 1; break }
                    value.append(characters[i])
                    i += 1
                }
                guard closed else {
                    throw ParseError(offset: start, reason: "\(close) is not closed")
                }
                guard !value.isEmpty else { throw ParseError(offset: start, reason: "empty \(close == "/" ? "pattern" : "text")") }
                terms.append(Term(kind: close == "/" ? .pattern : .quoted, text: value, offset: start))
                continue
            }
            var word = ""
            var inValueQuote = false
            while i < characters.count, inValueQuote || (characters[i] != " " && characters[i] != "\t") {
                // `key="two words"`: quotes inside a condition's value keep its spaces.
                if characters[i] == "\"" { inValueQuote.toggle(); i += 1; continue }
                word.append(characters[i])
                i += 1
            }
            guard !inValueQuote else { throw ParseError(offset: start, reason: "\" is not closed") }
            let isCondition = word.contains(where: { "=<>".contains($0) })
            terms.append(Term(kind: isCondition ? .condition : .word, text: word, offset: start))
        }
        return terms
    }
}
