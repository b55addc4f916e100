/// One container as compose v2's `docker compose -p PROJECT ps -a --format json` prints it. Before
/// compose v2.21.0 the output is one JSON array; from it on, one object a line. Unlike `docker ps`,
/// `ExitCode` is a number, `Health` a field and `Publishers` an array.
public struct DockerComposeContainer: Hashable, Sendable {
    public struct Publisher: Hashable, Sendable {
        public var url: String
        public var targetPort: Int?
        public var publishedPort: Int?
        public var networkProtocol: String

        public init(url: String, targetPort: Int?, publishedPort: Int?, networkProtocol: String) {
            self.url = url
            self.targetPort = targetPort
            self.publishedPort = publishedPort
            self.networkProtocol = networkProtocol
        }
    }

    public var id: String
    public var name: String
    public var project: String
    public var service: String
    public var image: String
    public var stateWord: String
    public var statusText: String
    /// The `Health` field: healthy, unhealthy, starting, or `.none` when empty.
    public var health: HealthState
    public var exitCode: Int?
    public var publishers: [Publisher]
    public var createdAt: LogTimestamp?

    public init(id: String, name: String, project: String, service: String, image: String = "", stateWord: String = "",
                statusText: String = "", health: HealthState = .none, exitCode: Int? = nil, publishers: [Publisher] = [],
                createdAt: LogTimestamp? = nil) {
        self.id = id
        self.name = name
        self.project = project
        self.service = service
        self.image = image
        self.stateWord = stateWord
        self.statusText = statusText
        self.health = health
        self.exitCode = exitCode
        self.publishers = publishers
        self.createdAt = createdAt
    }

    /// The run state, from `State` and, for an exited container, its exit code.
    public var state: RunState { DockerStatusText.state(ofWord: stateWord, exitCode: exitCode) }

    /// Parses either framing: an array when the first non-space byte is `[`, else one object a line.
    public static func parse(composePSOutput bytes: [UInt8]) throws(DockerOutputError) -> [DockerComposeContainer] {
        let command = "docker compose ps"
        let firstByte = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        let entries = firstByte == UInt8(ascii: "[")
            ? try DockerJSON.arrayOfObjects(bytes, command: command)
            : try DockerJSON.objectLines(bytes, command: command)
        return entries.compactMap(DockerComposeContainer.init(composeEntry:))
    }

    public static func parse(composePSOutput: String) throws(DockerOutputError) -> [DockerComposeContainer] {
        try parse(composePSOutput: Array(composePSOutput.utf8))
    }

    init?(composeEntry entry: JSONValue) {
        guard let id = entry.text("ID") else { return nil }
        let health: HealthState = switch entry.string("Health") ?? "" {
        case "healthy": .healthy
        case "unhealthy": .unhealthy
        case "starting": .starting
        default: .none
        }
        let publishers = entry.array("Publishers").map { publisher in
            Publisher(url: publisher.string("URL") ?? "", targetPort: publisher.int("TargetPort"),
                      publishedPort: publisher.int("PublishedPort"), networkProtocol: publisher.string("Protocol") ?? "")
        }
        self.init(id: id, name: entry.string("Name") ?? "", project: entry.string("Project") ?? "",
                  service: entry.string("Service") ?? "", image: entry.string("Image") ?? "",
                  stateWord: entry.string("State") ?? "", statusText: entry.string("Status") ?? "", health: health,
                  exitCode: entry.int("ExitCode"), publishers: publishers, createdAt: entry.time("CreatedAt"))
    }
}
