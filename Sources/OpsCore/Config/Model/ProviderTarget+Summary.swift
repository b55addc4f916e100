extension ProviderTarget {
    /// The target in words, names made safe for a terminal: `compose project shop-staging,
    /// service api`, `deployment api in namespace shop, context stage-eu`, `app web-staging`.
    public var summary: String {
        switch self {
        case .docker(let target): target.summary
        case .kubernetes(let target): target.summary
        case .fly(let target): "app \(shown(target.app))"
        }
    }
}

extension DockerTarget {
    public var summary: String {
        var words: String
        switch selector {
        case .compose(let project, let service):
            words = "compose project \(shown(project)), service \(shown(service))"
        case .container(let name):
            words = "container \(shown(name))"
        case .labels(let labels):
            words = "containers labelled " + labels.sorted { $0.key < $1.key }
                .map { "\(shown($0.key))=\(shown($0.value))" }.joined(separator: ", ")
        }
        if let context { words += " (docker context \(shown(context)))" }
        if let host { words += " (docker host \(shown(host)))" }
        return words
    }
}

extension KubernetesTarget {
    public var summary: String {
        let workloadWords = switch workload {
        case .deployment(let name): "deployment \(shown(name))"
        case .rollout(let name): "rollout \(shown(name))"
        case .statefulset(let name): "statefulset \(shown(name))"
        }
        let containerWords = container.map { ", container \(shown($0))" } ?? ""
        return "\(workloadWords)\(containerWords) in namespace \(shown(namespace)), context \(shown(context))"
    }
}

private func shown(_ name: String) -> String { Sanitiser.sanitise(name) }
