/// The labels compose (v1 and v2 alike) puts on every container it makes: which project and
/// service it belongs to. They are how opsdeck lists compose services without compose itself
/// (v1 has no JSON output; v2 may not be installed).
public struct DockerComposeLabels: Hashable, Sendable {
    public static let projectKey = "com.docker.compose.project"
    public static let serviceKey = "com.docker.compose.service"
    public static let containerNumberKey = "com.docker.compose.container-number"
    public static let oneOffKey = "com.docker.compose.oneoff"
    public static let workingDirectoryKey = "com.docker.compose.project.working_dir"

    public var project: String
    public var service: String
    public var containerNumber: Int?
    /// A `compose run` container: a one-off command, not a replica of the service.
    public var isOneOff: Bool
    public var workingDirectory: String?

    /// Nil when the labels do not name both a project and a service.
    public init?(_ labels: [String: String]) {
        guard let project = labels[Self.projectKey], !project.isEmpty,
              let service = labels[Self.serviceKey], !service.isEmpty else { return nil }
        self.project = project
        self.service = service
        containerNumber = labels[Self.containerNumberKey].flatMap { Int($0) }
        isOneOff = labels[Self.oneOffKey]?.lowercased() == "true"
        workingDirectory = labels[Self.workingDirectoryKey]
    }
}
