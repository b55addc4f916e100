/// How the containers of one service in one environment are picked out of everything an engine
/// runs: by a configured `DockerTarget`, or, in discovery, by the key the container's own labels
/// give it. `mightMatch` sifts `docker ps` lines (whose labels are ambiguous text) so that only
/// candidates are inspected; `matches` decides exactly from `docker inspect`.
struct DockerSelection: Sendable {
    enum Rule: Sendable {
        case target(DockerTarget.Selector)
        case discovered
    }

    let key: ServiceKey
    let rule: Rule

    func mightMatch(_ summary: DockerContainerSummary) -> Bool {
        switch rule {
        case .target(.compose(let project, let service)):
            return summary.mightCarry(label: DockerComposeLabels.projectKey, value: project)
                && summary.mightCarry(label: DockerComposeLabels.serviceKey, value: service)
        case .target(.container(let name)):
            return summary.names.contains(name)
        case .target(.labels(let labels)):
            return !labels.isEmpty && labels.allSatisfy { summary.mightCarry(label: $0.key, value: $0.value) }
        case .discovered:
            return (summary.mightCarry(label: DockerComposeLabels.projectKey, value: key.environment)
                    && summary.mightCarry(label: DockerComposeLabels.serviceKey, value: key.service))
                || (key.environment == DockerDiscovery.standaloneEnvironment && summary.names.contains(key.service))
        }
    }

    func matches(_ details: DockerContainerDetails) -> Bool {
        switch rule {
        case .target(.compose(let project, let service)):
            guard let compose = DockerComposeLabels(details.labels), !compose.isOneOff else { return false }
            return compose.project == project && compose.service == service
        case .target(.container(let name)):
            return details.name == name
        case .target(.labels(let labels)):
            // No labels would select every container: an empty selector selects none.
            return !labels.isEmpty && labels.allSatisfy { details.labels[$0.key] == $0.value }
        case .discovered:
            return DockerDiscovery.key(of: details) == key
        }
    }

    /// Says, on screen, where no container was found.
    var emptyNote: String {
        switch rule {
        case .target(.compose(let project, let service)): "no container of compose project \(project), service \(service)"
        case .target(.container(let name)): "no container named \(name)"
        case .target(.labels(let labels)):
            labels.isEmpty ? "no labels to select containers by"
                : "no container labelled " + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        case .discovered: "its containers are gone"
        }
    }
}

/// What an engine runs, as services, when no configuration places any there.
///
/// A compose container (v1 or v2: both label theirs) is a replica of service
/// `com.docker.compose.service` in environment `com.docker.compose.project`, so the projects
/// `shop-staging` and `shop-production` become two environments of the same services. Any other
/// container, a compose one-off (`compose run`) included, is a service of its own, named after the
/// container, in the environment `local`: the engine itself is all the environment it has.
public enum DockerDiscovery {
    public static let standaloneEnvironment = "local"

    public static func key(of container: DockerContainerDetails) -> ServiceKey {
        if let compose = DockerComposeLabels(container.labels), !compose.isOneOff {
            return ServiceKey(service: compose.service, environment: compose.project)
        }
        return ServiceKey(service: container.name, environment: standaloneEnvironment)
    }
}
