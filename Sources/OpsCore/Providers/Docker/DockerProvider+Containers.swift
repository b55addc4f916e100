/// Finding a service's containers: one `docker ps` of everything, a sift of its lines, one
/// `docker inspect` of the candidates, an exact match on what inspect says.
extension DockerProvider {
    /// The containers of each selection, keyed by the selection's key (every key present, perhaps
    /// with none).
    /// `inspecting` false: from `docker ps` alone (see `DockerContainerDetails(approximating:)`).
    func containers(of selections: [DockerSelection], inspecting: Bool = true) async throws
        -> [ServiceKey: [DockerServiceContainer]] {
        let inspected = try await inspectContainers(inspecting: inspecting) { summary in
            selections.contains { $0.mightMatch(summary) }
        }
        var grouped = Dictionary(uniqueKeysWithValues: selections.map { ($0.key, [DockerServiceContainer]()) })
        for container in inspected {
            for selection in selections where selection.matches(container.details) {
                grouped[selection.key, default: []].append(container)
            }
        }
        return grouped
    }

    func containers(of key: ServiceKey) async throws -> [DockerServiceContainer] {
        let selection = try selection(for: key)
        return try await containers(of: [selection])[key] ?? []
    }

    /// Every container of the engine, grouped as discovery sees them.
    func discoveredContainers(inspecting: Bool = true) async throws -> [ServiceKey: [DockerServiceContainer]] {
        Dictionary(grouping: try await inspectContainers(inspecting: inspecting) { _ in true }) {
            DockerDiscovery.key(of: $0.details)
        }
    }

    /// `docker ps`, then one `docker inspect` of the lines `isCandidate` keeps (none: no inspect),
    /// unless `inspecting` is false.
    private func inspectContainers(inspecting: Bool = true, where isCandidate: (DockerContainerSummary) -> Bool)
        async throws -> [DockerServiceContainer] {
        let listing = try await runner.output(of: endpoint.command(DockerCommands.listContainers()))
        let candidates = try DockerContainerSummary.parse(psOutput: listing).filter(isCandidate)
        guard !candidates.isEmpty else { return [] }
        guard inspecting else {
            return candidates.map { DockerServiceContainer(summary: $0, details: DockerContainerDetails(approximating: $0)) }
        }
        let summaries = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = candidates.map(\.id)
        let output = try await outputToleratingVanished(endpoint.command(DockerCommands.inspectContainers(ids)))
        return try DockerContainerDetails.parse(inspectOutput: output).map { details in
            DockerServiceContainer(summary: summaries[details.id], details: details)
        }
    }

    /// The images the containers run, by id, from one `docker image inspect`.
    func images(of containers: [DockerServiceContainer]) async throws -> [String: DockerImageDetails] {
        let ids = Set(containers.map(\.details.imageID).filter { !$0.isEmpty }).sorted()
        guard !ids.isEmpty else { return [:] }
        let output = try await outputToleratingVanished(endpoint.command(DockerCommands.inspectImages(ids)))
        let images = try DockerImageDetails.parse(imageInspectOutput: output)
        return Dictionary(images.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A batch inspect naming something removed since it was listed prints the others and fails
    /// with `No such container` / `no such image`: those others are still the answer. Any other
    /// failure (the engine is down, say) keeps docker's own words in `CommandError.failed`.
    private func outputToleratingVanished(_ command: Command) async throws -> [UInt8] {
        let result = try await runner.run(command)
        if result.succeeded { return result.standardOutput }
        let vanished = result.standardError.lowercased().contains("no such")
        let printedArray = result.standardOutput.first { $0 > 0x20 } == UInt8(ascii: "[")
        guard vanished, printedArray else { throw CommandError.failed(command, result) }
        return result.standardOutput
    }
}
