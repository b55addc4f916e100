import Yams

/// Turns Yams nodes into `YAMLNode`s: positions kept, merge keys merged, duplicate keys reported
/// (and their later occurrences left out), disguised keys given their text back, and a budget on
/// the number of values so aliases cannot blow a small file up without bound, and one on depth
/// so that nodes stay cheap to walk and to free on any thread.
struct YAMLTreeBuilder {
    static let depthLimit = 100

    /// Keys that `YAMLComposer` disguised to get past Yams' duplicate check, by position.
    let disguisedKeys: [YAMLPosition: String]
    private var budget: Int
    private let limit: Int
    private(set) var problems: [YAMLProblem] = []

    init(disguisedKeys: [YAMLPosition: String], budget: Int) {
        self.disguisedKeys = disguisedKeys
        self.budget = budget
        self.limit = budget
    }

    /// The node, or nil once the budget is spent or the depth limit passed (the problem is then
    /// recorded, once).
    mutating func build(_ node: Node, depth: Int = 1) -> YAMLNode? {
        let position = Self.position(node.mark)
        guard budget > 0 else {
            if !problems.contains(where: { if case .tooManyValues = $0.kind { true } else { false } }) {
                problems.append(YAMLProblem(.tooManyValues(limit), at: position))
            }
            return nil
        }
        guard depth <= Self.depthLimit else {
            problems.append(YAMLProblem(.tooDeep(Self.depthLimit), at: position))
            return nil
        }
        budget -= 1
        switch node {
        case .scalar(let scalar):
            let text = disguisedKeys[position] ?? scalar.string
            return YAMLNode(.scalar(YAMLScalar(text, isPlain: scalar.style == .plain)), at: position)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                guard let built = build(item, depth: depth + 1) else { return nil }
                items.append(built)
            }
            return YAMLNode(.sequence(items), at: position)
        case .mapping(let mapping):
            return buildMapping(Array(mapping), at: position, depth: depth)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is an undefined anchor.
            problems.append(YAMLProblem(.syntax("an alias to an anchor that is not defined"), at: position))
            return YAMLNode(.scalar(YAMLScalar("", isPlain: true)), at: position)
        }
    }

    /// Entries in file order. A merge key's entries take its place, except keys the map sets
    /// itself; among merged maps the earlier wins, as YAML's merge key specifies.
    private mutating func buildMapping(_ pairs: [(key: Node, value: Node)], at position: YAMLPosition,
                                       depth: Int) -> YAMLNode? {
        var explicitKeys = Set<String>()
        for pair in pairs where !Self.isMergeKey(pair.key) {
            if let text = keyText(pair.key) { explicitKeys.insert(text) }
        }
        var entries: [YAMLEntry] = []
        var seen: [String: YAMLPosition] = [:]
        for pair in pairs {
            if Self.isMergeKey(pair.key) {
                guard let merged = build(pair.value, depth: depth + 1) else { return nil }
                for map in mergedMaps(merged) {
                    for entry in map {
                        guard let text = entry.keyText, !explicitKeys.contains(text), seen[text] == nil else { continue }
                        seen[text] = entry.key.position
                        entries.append(entry)
                    }
                }
                continue
            }
            guard let key = build(pair.key, depth: depth + 1), let value = build(pair.value, depth: depth + 1) else {
                return nil
            }
            if let text = key.scalar?.text {
                if let first = seen[text] {
                    problems.append(YAMLProblem(.duplicateKey(text, first: first), at: key.position))
                    continue
                }
                seen[text] = key.position
            }
            entries.append(YAMLEntry(key: key, value: value))
        }
        return YAMLNode(.mapping(entries), at: position)
    }

    private mutating func mergedMaps(_ node: YAMLNode) -> [[YAMLEntry]] {
        switch node.content {
        case .mapping(let entries):
            return [entries]
        case .sequence(let items) where items.allSatisfy({ $0.entries != nil }):
            return items.compactMap(\.entries)
        default:
            problems.append(YAMLProblem(.badMerge, at: node.position))
            return []
        }
    }

    private func keyText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        return disguisedKeys[Self.position(node.mark)] ?? scalar.string
    }

    private static func isMergeKey(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && scalar.string == "<<"
    }

    private static func position(_ mark: Mark?) -> YAMLPosition {
        guard let mark else { return .start }
        return YAMLPosition(line: mark.line, column: mark.column)
    }
}
