extension DockerContainerDetails {
    /// What `docker ps` alone says of a container, in the shape `docker inspect` gives: enough for
    /// a first frame before the inspect answers. The restart count, the image id and the health
    /// log are unknown until then; labels come from ps's comma-joined text, which a value with a
    /// comma in it can split wrongly (inspect's exact labels replace them a moment later).
    init(approximating summary: DockerContainerSummary) {
        var labels: [String: String] = [:]
        for pair in summary.labelsText.split(separator: ",") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            labels[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        let health: Health? = switch summary.status.health {
        case .healthy: Health(status: "healthy")
        case .unhealthy: Health(status: "unhealthy")
        case .starting: Health(status: "starting")
        case .none: nil
        }
        self.init(id: summary.id, name: summary.name, createdAt: summary.createdAt, imageReference: summary.image,
                  labels: labels,
                  state: State(status: summary.stateWord, exitCode: summary.status.exitCode, health: health))
    }
}
