/// A map of the file read against the keys it may have. Making one reports what is wrong with
/// the map as a whole: not a map at all, keys that are not text, keys it may not have (with the
/// nearest known key as a suggestion).
struct KeyedMap {
    let node: YAMLNode
    /// Where the map is, in words, for messages: `the kubernetes target of api/staging`.
    let place: String
    let entries: [YAMLEntry]
    /// The entries whose keys are text, in file order, with that text.
    let named: [(name: String, entry: YAMLEntry)]
    private let byKey: [String: YAMLEntry]

    /// `expected` describes the map for a "found a list" message. `allowed` are the keys it may
    /// have (nil: any, for maps keyed by names); `explained` are keys it must not have for a
    /// reason worth more than "unknown key" (the reason is the message). Nil, with the issue
    /// logged, when the node is not a map; a null node is an empty map when `nullIsEmpty`.
    init?(_ node: YAMLNode, expected: String, place: String, allowed: [String]?, explained: [String: String] = [:],
          nullIsEmpty: Bool = false, log: IssueLog) {
        self.node = node
        self.place = place
        if nullIsEmpty, node.isNull {
            entries = []
        } else if let entries = node.entries {
            self.entries = entries
        } else {
            ValueReader(log: log).expected(expected, for: place, found: node)
            return nil
        }
        var byKey: [String: YAMLEntry] = [:]
        var named: [(name: String, entry: YAMLEntry)] = []
        for entry in entries {
            guard let key = KeyedMap.keyText(of: entry, place: place, log: log) else { continue }
            if let reason = explained[key] {
                log.report(reason, at: entry.key.position)
            } else if let allowed, !allowed.contains(key) {
                log.report(KeyedMap.unknownKey(key, in: place, expected: allowed), at: entry.key.position)
            } else {
                byKey[key] = entry
                named.append((key, entry))
            }
        }
        self.byKey = byKey
        self.named = named
    }

    subscript(key: String) -> YAMLNode? { byKey[key]?.value }

    func entry(_ key: String) -> YAMLEntry? { byKey[key] }

    func has(_ key: String) -> Bool { byKey[key] != nil }

    /// The key as text, or nil with an issue for a key that is a list or a map.
    static func keyText(of entry: YAMLEntry, place: String, log: IssueLog) -> String? {
        guard let key = entry.keyText else {
            log.report("expected a name as the key in \(place), found \(entry.key.describe(quote: "\""))",
                       at: entry.key.position)
            return nil
        }
        return key
    }

    /// `unknown key "deploymnet" in the kubernetes target of api/staging (expected one of: context,
    /// namespace, deployment, ...; did you mean "deployment"?)`.
    static func unknownKey(_ key: String, in place: String, expected: [String]) -> String {
        let listed = expected.map(YAMLText.shortened).joined(separator: ", ")
        var message = "unknown key \(YAMLText.quoted(key)) in \(place) (expected one of: \(listed)"
        if let guess = NameSuggestion.closest(to: key, among: expected) {
            message += "; did you mean \(YAMLText.quoted(guess))?"
        }
        return message + ")"
    }
}
