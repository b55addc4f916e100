/// One container as `docker ps -a --no-trunc --format '{{json .}}'` prints it: the cheap listing
/// that says which containers exist, before one `docker inspect` reads those of interest.
public struct DockerContainerSummary: Hashable, Sendable {
    /// 64 hex digits with `--no-trunc` (12 without).
    public var id: String
    /// Usually one; links add more (`Names` is comma-joined).
    public var names: [String]
    /// The image reference as given to `docker run` (or an image id).
    public var image: String
    public var command: String
    public var createdAt: LogTimestamp?
    /// ps `State`: created, running, paused, restarting, removing, exited, dead.
    public var stateWord: String
    /// The daemon's words (`Up 3 minutes (healthy)`) and what they say.
    public var statusText: String
    public var status: DockerStatusText
    /// `k=v,k=v` as printed: ambiguous when a value holds a comma, so only good for a first sift;
    /// exact labels come from `docker inspect`.
    public var labelsText: String

    public init(id: String, names: [String], image: String = "", command: String = "", createdAt: LogTimestamp? = nil,
                stateWord: String = "", statusText: String = "", labelsText: String = "") {
        self.id = id
        self.names = names
        self.image = image
        self.command = command
        self.createdAt = createdAt
        self.stateWord = stateWord
        self.statusText = statusText
        self.status = DockerStatusText(statusText, stateWord: stateWord)
        self.labelsText = labelsText
    }

    /// The name a person uses: the first of `names`, else the short id.
    public var name: String { names.first ?? String(id.prefix(12)) }

    /// Whether the printed labels contain `key=value` verbatim: true for every container that
    /// carries the label (and perhaps for a few whose other values happen to contain the text).
    public func mightCarry(label key: String, value: String) -> Bool {
        labelsText.contains(key + "=" + value)
    }

    /// Parses the whole output of `docker ps --format '{{json .}}'`. Entries without a container
    /// id are skipped: nothing could address them.
    public static func parse(psOutput: [UInt8]) throws(DockerOutputError) -> [DockerContainerSummary] {
        try DockerJSON.objectLines(psOutput, command: "docker ps").compactMap(DockerContainerSummary.init(psLine:))
    }

    public static func parse(psOutput: String) throws(DockerOutputError) -> [DockerContainerSummary] {
        try parse(psOutput: Array(psOutput.utf8))
    }

    /// One parsed line; nil when it has no usable id.
    init?(psLine line: JSONValue) {
        guard let id = line.text("ID"), DockerIdentifiers.isContainerID(id) else { return nil }
        let names = (line.string("Names") ?? "").split(separator: ",").map { name in
            String(name.hasPrefix("/") ? name.dropFirst() : name)
        }
        self.init(id: id, names: names, image: line.string("Image") ?? "", command: line.string("Command") ?? "",
                  createdAt: line.time("CreatedAt"), stateWord: line.string("State") ?? "",
                  statusText: line.string("Status") ?? "", labelsText: line.string("Labels") ?? "")
    }
}
