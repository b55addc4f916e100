extension ProviderTarget {
    /// The target in words, names made safe for a terminal: `compose project shop-staging,
    /// service api`, `deployment api in namespace shop, context stage-eu`, `app web-staging`.
    public var summary: String {
        switch self {
        case .docker(let target): target.summary
        case .kubernetes(let target): target.summary
        case .fly(let target): "app \(shown(target.app))"
        case .local(let target): target.summary
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
        case .daemonset(let name): "daemonset \(shown(name))"
        }
        let containerWords = container.map { ", container \(shown($0))" } ?? ""
        return "\(workloadWords)\(containerWords) in namespace \(shown(namespace)), context \(shown(context))"
    }
}

extension LocalTarget {
    /// `version 1.4.0 of ./api --port {port}, on 127.0.0.1:18080, ready at /ready`.
    public var summary: String {
        var words = "version \(shown(version)) of " + command.map { shown(ShellQuoting.quote($0)) }.joined(separator: " ")
        words += ", on 127.0.0.1:\(port), ready at \(shown(readyPath))"
        if !versions.isEmpty { words += ", offers " + versions.map(shown).joined(separator: ", ") }
        if !environment.isEmpty { words += ", sets " + environment.keys.sorted().map(shown).joined(separator: ", ") }
        if let directory { words += ", in \(shown(directory))" }
        if let stateFolder { words += ", state in \(shown(stateFolder))" }
        return words
    }
}

private func shown(_ name: String) -> String { Sanitiser.sanitise(name) }
