/// One image as `docker image inspect` describes it: its tags, its registry digests and when it
/// was built.
public struct DockerImageDetails: Hashable, Sendable {
    /// `sha256:…`: the id of the image's configuration, local to an engine.
    public var id: String
    public var repoTags: [String]
    /// `registry.example.com/shop/web@sha256:…`, one per registry it was pushed to or pulled from;
    /// none for an image built or imported locally.
    public var repoDigests: [String]
    public var createdAt: LogTimestamp?
    public var labels: [String: String]

    public init(id: String, repoTags: [String] = [], repoDigests: [String] = [], createdAt: LogTimestamp? = nil,
                labels: [String: String] = [:]) {
        self.id = id
        self.repoTags = repoTags
        self.repoDigests = repoDigests
        self.createdAt = createdAt
        self.labels = labels
    }

    /// The content digest (`sha256:…`) under which `repository` knows this image, else the first
    /// one any registry knows it by; nil for a local image.
    public func digest(in repository: String) -> String? {
        let pairs = repoDigests.compactMap { entry -> (repository: Substring, digest: String)? in
            guard let at = entry.lastIndex(of: "@") else { return nil }
            return (entry[..<at], String(entry[entry.index(after: at)...]))
        }
        return (pairs.first { $0.repository == repository } ?? pairs.first)?.digest
    }

    public static func parse(imageInspectOutput: [UInt8]) throws(DockerOutputError) -> [DockerImageDetails] {
        try DockerJSON.arrayOfObjects(imageInspectOutput, command: "docker image inspect").compactMap { value in
            guard let id = value.text("Id") else { return nil }
            return DockerImageDetails(id: id, repoTags: value.strings("RepoTags"), repoDigests: value.strings("RepoDigests"),
                                      createdAt: value.time("Created"),
                                      labels: value.object("Config")?.stringMap("Labels") ?? [:])
        }
    }

    public static func parse(imageInspectOutput: String) throws(DockerOutputError) -> [DockerImageDetails] {
        try parse(imageInspectOutput: Array(imageInspectOutput.utf8))
    }
}
