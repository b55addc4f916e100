/// The capabilities: each reads the containers it needs and hands them to a pure builder.
extension DockerProvider {
    // MARK: ServiceListing

    /// Configured: one snapshot per target, in key order, with a note when no container matches.
    /// Discovery: one per service found, grouped by environment (compose project), then by name.
    public func services() async throws -> [ServiceSnapshot] {
        try await services(inspecting: true)
    }

    /// From one `docker ps`, without inspecting: the first frame's rows, which the full listing
    /// completes (restart counts, digests, exact labels) a moment later.
    public func quickServices() async throws -> [ServiceSnapshot]? {
        try await services(inspecting: false)
    }

    private func services(inspecting: Bool) async throws -> [ServiceSnapshot] {
        let grouped: [ServiceKey: [DockerServiceContainer]]
        var notes: [ServiceKey: String] = [:]
        if let targets {
            let selections = try targets.keys.map(selection(for:))
            grouped = try await containers(of: selections, inspecting: inspecting)
            for selection in selections { notes[selection.key] = selection.emptyNote }
        } else {
            grouped = try await discoveredContainers(inspecting: inspecting)
        }
        let images = inspecting ? try await images(of: grouped.values.flatMap { $0 }) : [:]
        return grouped.keys.sorted { ($0.environment, $0.service) < ($1.environment, $1.service) }.map { key in
            DockerReplicaBuilder.snapshot(key, containers: grouped[key] ?? [], images: images,
                                          emptyNote: notes[key] ?? "no containers")
        }
    }

    // MARK: ReleaseHistory, VersionListing

    public func releases(of key: ServiceKey) async throws -> [Release] {
        try await imageReleases(of: key, tagsOnly: false)
    }

    public func availableVersions(of key: ServiceKey) async throws -> [Release] {
        try await imageReleases(of: key, tagsOnly: true)
    }

    private func imageReleases(of key: ServiceKey, tagsOnly: Bool) async throws -> [Release] {
        let containers = try await containers(of: key)
        var tags: [DockerImageSummary] = []
        if let repository = DockerReleaseBuilder.repository(of: containers) {
            let output = try await runner.output(of: endpoint.command(DockerCommands.listImages(repository: repository)))
            tags = try DockerImageSummary.parse(imageListOutput: output).filter { $0.repository == repository }
        }
        return DockerReleaseBuilder.releases(containers: containers, tags: tags, tagsOnly: tagsOnly)
    }

    // MARK: LogStreaming

    /// One followed `docker logs` a container, named after it, in name order.
    public func logSources(of key: ServiceKey, tail: Int) async throws -> [LogSource] {
        try await containers(of: key).sorted { $0.name < $1.name }.map { container in
            LogSource(name: container.name,
                      command: endpoint.command(DockerCommands.followLogs(of: container.argument, tail: tail), isLongRunning: true))
        }
    }

    // MARK: HealthReporting

    /// Each container's HEALTHCHECK verdict and last run; `.none` for a container without one or
    /// not up (a stopped container keeps a stale verdict).
    public func health(of key: ServiceKey) async throws -> [HealthCheckResult] {
        try await containers(of: key).sorted { $0.name < $1.name }.map { container in
            let details = container.details
            guard details.isUp, let health = details.state.health else {
                return HealthCheckResult(replica: container.name, state: .none)
            }
            let last = health.log.last
            var output = last?.output ?? ""
            while output.last?.isNewline == true { output.removeLast() }
            return HealthCheckResult(replica: container.name, state: health.state, failingStreak: health.failingStreak,
                                     output: last == nil ? nil : output, checkedAt: last?.end ?? last?.start)
        }
    }
}
