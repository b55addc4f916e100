/// `matchLabels` as kubectl's `-l` argument: `app=web,tier=front`, keys sorted so the argv is
/// stable; nil when there are none (no selector would pick every pod of the namespace).
enum KubernetesLabelSelector {
    static func argument(_ matchLabels: [String: String]) -> String? {
        guard !matchLabels.isEmpty else { return nil }
        return matchLabels.keys.sorted().map { "\($0)=\(matchLabels[$0] ?? "")" }.joined(separator: ",")
    }
}
