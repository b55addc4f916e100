/// Finds the known name a misspelt one was probably meant to be, for "did you mean" hints.
public enum NameSuggestion {
    /// The candidate closest to `name` by edit distance, if it is close enough to be a typo
    /// (at most 2 edits, or a third of the name for long names); failing that, a candidate of at
    /// least 3 characters that `name` starts with, or that starts with it (`warning` -> `warn`).
    public static func closest(to name: String, among candidates: [String]) -> String? {
        closestByEdits(to: name, among: candidates) ?? candidates.first { candidate in
            min(candidate.count, name.count) >= 3 && (name.hasPrefix(candidate) || candidate.hasPrefix(name))
        }
    }

    private static func closestByEdits(to name: String, among candidates: [String]) -> String? {
        let typed = Array(name.unicodeScalars)
        // Names this long are not typos of a key or a role; skip the quadratic work.
        guard typed.count <= 64 else { return nil }
        let limit = max(2, typed.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typed, Array(candidate.unicodeScalars))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// Levenshtein distance with one reused row.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let above = row[j]
                let substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)
                row[j] = min(substitution, above + 1, row[j - 1] + 1)
                diagonal = above
            }
        }
        return row[b.count]
    }
}
