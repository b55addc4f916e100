/// One tag of one image as `docker image ls --no-trunc --format '{{json .}}'` prints it: the
/// versions a service's repository has on this engine. Every value is a string.
public struct DockerImageSummary: Hashable, Sendable {
    /// `sha256:…` with `--no-trunc`.
    public var id: String
    public var repository: String
    /// Nil for `<none>` (an image whose tag moved to a newer one).
    public var tag: String?
    /// The registry's content digest, nil for `<none>`.
    public var digest: String?
    /// Go's `time.String()` in the client's zone, to the second.
    public var createdAt: LogTimestamp?
    /// `187MB` as docker rounds it.
    public var size: String

    public init(id: String, repository: String, tag: String?, digest: String? = nil, createdAt: LogTimestamp? = nil,
                size: String = "") {
        self.id = id
        self.repository = repository
        self.tag = tag
        self.digest = digest
        self.createdAt = createdAt
        self.size = size
    }

    /// `repository:tag`, or the id when the image has no tag.
    public var reference: String {
        guard let tag, repository != "<none>" else { return id }
        return repository + ":" + tag
    }

    public static func parse(imageListOutput: [UInt8]) throws(DockerOutputError) -> [DockerImageSummary] {
        try DockerJSON.objectLines(imageListOutput, command: "docker image ls").compactMap { line in
            guard let id = line.text("ID") else { return nil }
            func known(_ key: String) -> String? {
                guard let value = line.text(key), value != "<none>" else { return nil }
                return value
            }
            return DockerImageSummary(id: id, repository: line.string("Repository") ?? "<none>", tag: known("Tag"),
                                      digest: known("Digest"), createdAt: line.time("CreatedAt"),
                                      size: line.string("Size") ?? "")
        }
    }

    public static func parse(imageListOutput: String) throws(DockerOutputError) -> [DockerImageSummary] {
        try parse(imageListOutput: Array(imageListOutput.utf8))
    }
}
