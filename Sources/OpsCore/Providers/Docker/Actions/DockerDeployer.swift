import Foundation

/// Deploys, rolls back and promotes the services of one `DockerProvider`: reads what runs now,
/// then hands it to `DockerSwapPlanner` (a single container) or `DockerComposePlanner` (a compose
/// service, which its containers' labels reveal). Planning only reads (`ps`, `inspect`,
/// `image inspect`); nothing changes until the plan runs.
public struct DockerDeployer: ServiceChanging {
    public let provider: DockerProvider
    public let settings: ActionSettings

    public init(provider: DockerProvider, settings: ActionSettings) {
        self.provider = provider
        self.settings = settings
    }

    public var name: String { provider.name }
    var endpoint: DockerEndpoint { provider.endpoint }
    var runner: any CommandRunner { provider.runner }

    /// What a deploy needs to know of the image to run.
    public struct ImageChoice: Hashable, Sendable {
        /// What the containers are given: `repo:tag`, `repo@sha256:…`.
        public var reference: String
        /// The version as the plan and journal name it.
        public var version: String
        /// The image id it must resolve to, when pinned.
        public var pinnedID: String?
        /// Registry digest, else image id, when known.
        public var digest: String?

        public init(reference: String, version: String, pinnedID: String? = nil, digest: String? = nil) {
            self.reference = reference
            self.version = version
            self.pinnedID = pinnedID
            self.digest = digest
        }
    }

    // MARK: ServiceChanging

    public func snapshot(of key: ServiceKey) async throws -> ServiceSnapshot? {
        try await provider.services().first { $0.key == key }
    }

    public func releases(of key: ServiceKey) async throws -> [Release] {
        try await provider.releases(of: key)
    }

    public func rollback(of key: ServiceKey, to release: Release) async throws -> PreparedAction {
        try await deployment(for: key, kind: .rollback, image: Self.choice(rollingBackTo: release))
    }

    // MARK: Deployments

    /// `version` is a tag of the repository the service runs (`1.5.0`) or a whole reference
    /// (`registry.example.com/web:1.5.0`, `web@sha256:…`).
    public func deployment(for key: ServiceKey, version: String) async throws -> PreparedAction {
        let current = try await currentContainer(of: key)
        let reference: String
        if version.contains("/") || version.contains(":") || version.contains("@") {
            reference = version
        } else {
            guard !current.details.imageReference.isEmpty, !current.details.imageReference.hasPrefix("sha256:") else {
                throw DockerDeploymentError.noVersion("\(key) runs an image by id, which has no repository to take tag \(version) from: give the whole reference")
            }
            reference = ImageReference(current.details.imageReference).repository + ":" + version
        }
        guard DockerDeployer.isReference(reference) else {
            throw DockerDeploymentError.noVersion("\(version) is not an image tag or reference")
        }
        let known = try await localImage(reference)
        let digest = known.map { $0.digest(in: ImageReference(reference).repository) ?? $0.id }
        return try await deployment(for: key, kind: .deploy, image: ImageChoice(reference: reference, version: version, digest: digest),
                                    current: current)
    }

    /// Back to `release`: by its registry digest when it has one (a tag may have moved since), else
    /// by its tag, pinned to its image id.
    public static func choice(rollingBackTo release: Release) -> ImageChoice {
        let image = release.image ?? ImageReference(release.id)
        if let digest = image.digest, digest.hasPrefix("sha256:"), !image.reference.hasPrefix("sha256:") {
            return ImageChoice(reference: image.repository + "@" + digest, version: release.version, digest: digest)
        }
        let pinned = release.id.hasPrefix("sha256:") ? release.id : nil
        return ImageChoice(reference: image.reference, version: release.version, pinnedID: pinned, digest: pinned)
    }

    /// What `source` (staging) runs, by content, onto `target` (production): the registry digest
    /// (`repo@sha256:…`) when the image has one; else, when this engine holds the very image
    /// (source and target share it), its reference pinned to its image id, so that anything else
    /// under that name fails the wait instead of running.
    public func promotion(from source: ServiceSnapshot, to target: ServiceKey) async throws -> PreparedAction {
        guard let image = source.image else {
            throw DockerDeploymentError.noVersion("\(source.key) runs no known image: nothing to promote")
        }
        let version = image.version
        if let digest = image.digest, !image.reference.hasPrefix("sha256:") {
            return try await deployment(for: target, kind: .promote,
                                        image: ImageChoice(reference: image.repository + "@" + digest, version: version,
                                                           digest: digest))
        }
        // No registry digest: the image id the source's containers run, read on this engine.
        let ids = source.replicas.map(\.id).filter(DockerIdentifiers.isContainerID)
        var imageID: String?
        if !ids.isEmpty, let output = try? await runner.output(of: endpoint.command(DockerCommands.inspectContainers(ids))) {
            let details = (try? DockerContainerDetails.parse(inspectOutput: output)) ?? []
            imageID = DockerReplicaBuilder.current(of: details.map { DockerServiceContainer(details: $0) })?.details.imageID
        }
        guard let imageID, !imageID.isEmpty else {
            throw DockerDeploymentError.noVersion("\(source.key) runs \(image.reference), which has no registry digest, on another engine than \(target): push it to a registry to promote it by digest")
        }
        return try await deployment(for: target, kind: .promote,
                                    image: ImageChoice(reference: image.reference, version: version, pinnedID: imageID,
                                                       digest: imageID))
    }

    public func deployment(for key: ServiceKey, kind: ActionPlan.Kind, image: ImageChoice) async throws -> PreparedAction {
        try await deployment(for: key, kind: kind, image: image, current: try await currentContainer(of: key))
    }

    private func deployment(for key: ServiceKey, kind: ActionPlan.Kind, image: ImageChoice,
                            current: DockerServiceContainer) async throws -> PreparedAction {
        let details = current.details
        let fromImageOutput = try await localImageOutput(details.imageID)
        let fromImage = try fromImageOutput.flatMap { try DockerImageDetails.parse(imageInspectOutput: $0).first }
        let fromVersion = ImageReference(details.imageReference.isEmpty ? details.imageID : details.imageReference).version
        let fromDigest = fromImage.flatMap { $0.digest(in: ImageReference(details.imageReference).repository) } ?? details.imageID
        let change = DockerImageChange(kind: kind, key: key, endpoint: endpoint, fromVersion: fromVersion,
                                       toVersion: image.version, imageReference: image.reference, imageID: image.pinnedID,
                                       fromDigest: fromDigest, toDigest: image.digest)
        if let project = DockerComposePlanner.Project(labels: details.labels, ownFolder: settings.composeOverridesFolder),
           !(DockerComposeLabels(details.labels)?.isOneOff ?? true) {
            let formatVersion = project.configFiles.first.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
                .flatMap(DockerComposePlanner.fileFormatVersion(ofComposeFile:))
            return try DockerComposePlanner.plan(DockerComposePlanner.Request(change, project: project,
                                                                              fileFormatVersion: formatVersion),
                                                 settings: settings)
        }
        let name = details.name
        let aside = DockerSwapPlanner.asideName(of: name)
        let asideCheck = try await runner.run(endpoint.command(DockerCommands.inspectContainers([aside])))
        if asideCheck.succeeded {
            throw DockerDeploymentError.notRecreatable("\(aside) exists, left by a deploy that did not finish: start it again as \(name) or remove it, then retry")
        }
        let container = try DockerContainerConfig.parse(
            inspectOutput: try await runner.output(of: endpoint.command(DockerCommands.inspectContainers([current.details.id]))))
        guard let fromImageOutput else {
            throw DockerDeploymentError.notRecreatable("the image of \(name) (\(details.imageID)) is gone from the engine, so its defaults cannot be told from the container's own settings")
        }
        let oldImage = try DockerImageConfig.parse(imageInspectOutput: fromImageOutput)
        return try DockerSwapPlanner.plan(DockerSwapPlanner.Request(change, container: container, oldImage: oldImage),
                                          settings: settings)
    }

    // MARK: Reading

    /// The container whose image the service runs now (see `DockerReplicaBuilder.current`).
    func currentContainer(of key: ServiceKey) async throws -> DockerServiceContainer {
        let containers = try await provider.containers(of: key)
        guard let current = DockerReplicaBuilder.current(of: containers) else {
            throw DockerDeploymentError.noContainer(key, (try? provider.selection(for: key).emptyNote) ?? "no container")
        }
        return current
    }

    /// The image `reference` names on this engine; nil when it has none by that name.
    func localImage(_ reference: String) async throws -> DockerImageDetails? {
        try await localImageOutput(reference).flatMap { try DockerImageDetails.parse(imageInspectOutput: $0).first }
    }

    /// `docker image inspect reference`'s output; nil when the engine has no such image.
    func localImageOutput(_ reference: String) async throws -> [UInt8]? {
        guard !reference.isEmpty else { return nil }
        let result = try await runner.run(endpoint.command(DockerCommands.inspectImages([reference])))
        guard result.succeeded else { return nil }
        return result.standardOutput
    }

    /// A reference docker would read as one: no leading `-` (a flag), no spaces or control bytes.
    static func isReference(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first != "-" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value != 0x7F }
    }
}
