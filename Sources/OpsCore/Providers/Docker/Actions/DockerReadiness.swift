/// Whether a deploy's new containers are up: every one running the expected image, running, and,
/// when it has a healthcheck, healthy. Pure: the wait (`DockerReadinessWait`) polls `docker inspect`
/// and asks this after each look.
public enum DockerReadiness: Hashable, Sendable {
    case ready
    /// Not yet: starting, health still `starting`, or no container yet.
    case waiting(String)
    /// It will not get there by itself: exited, dead, restarting after a crash, unhealthy, or another
    /// image than the one deployed.
    case failed(String)

    /// The verdict on `containers` (those the deploy targets). `imageReference` is what the deploy
    /// asked for (`Config.Image`); `imageID`, when known, the image it must resolve to.
    public static func judge(_ containers: [DockerContainerDetails], imageReference: String?, imageID: String? = nil)
        -> DockerReadiness {
        guard !containers.isEmpty else { return .waiting("no container yet") }
        var waiting: [String] = []
        for container in containers.sorted(by: { $0.name < $1.name }) {
            if let imageReference, container.imageReference != imageReference {
                return .failed("\(container.name) runs \(container.imageReference), not \(imageReference)")
            }
            if let imageID, container.imageID != imageID {
                return .failed("\(container.name) runs image \(ImageReference.shortDigest(container.imageID)), not \(ImageReference.shortDigest(imageID))")
            }
            let state = container.state
            switch state.status {
            case "running":
                switch state.health?.state {
                case .unhealthy?:
                    let output = state.health?.log.last?.output.trimmingSpaces.split(whereSeparator: \.isNewline).first
                    return .failed("\(container.name) is unhealthy" + (output.map { ": \($0)" } ?? ""))
                case .starting?:
                    waiting.append("\(container.name): health starting")
                default:
                    break
                }
            case "created":
                if let error = state.error { return .failed("\(container.name) could not start: \(error)") }
                waiting.append("\(container.name): created")
            case "restarting":
                return .failed("\(container.name) keeps restarting (exit \(state.exitCode.map(String.init) ?? "?"))")
            case "exited", "dead":
                let error = state.error.map { ": \($0)" } ?? ""
                return .failed("\(container.name) \(state.status) with code \(state.exitCode.map(String.init) ?? "?")\(error)")
            default:
                waiting.append("\(container.name): \(state.status)")
            }
        }
        return waiting.isEmpty ? .ready : .waiting(waiting.joined(separator: ", "))
    }
}
