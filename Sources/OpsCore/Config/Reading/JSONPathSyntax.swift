/// The JSON paths a probe's `json` expectation uses: `$`, then `.key`, `["key"]` or `[index]` steps.
enum JSONPathSyntax {
    static func steps(of path: String) -> [JSONExpectation.Step]? {
        var rest = Substring(path)
        guard rest.first == "$" else { return nil }
        rest = rest.dropFirst()
        var steps: [JSONExpectation.Step] = []
        while let first = rest.first {
            if first == "." {
                let key = rest.dropFirst().prefix { $0 != "." && $0 != "[" }
                guard !key.isEmpty else { return nil }
                steps.append(.key(String(key)))
                rest = rest.dropFirst(1 + key.count)
            } else if first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if let quote = inside.first, quote == "\"" || quote == "'", inside.count >= 2, inside.last == quote {
                    steps.append(.key(String(inside.dropFirst().dropLast())))
                } else if !inside.isEmpty, inside.allSatisfy({ $0.isASCII && $0.isNumber }), inside.count <= 9,
                          let index = Int(inside) {
                    steps.append(.index(index))
                } else {
                    return nil
                }
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
        }
        return steps
    }
}
