/// The argv (after `docker` and any `--context`) of every docker command the adapter runs. Values
/// from outside (names, labels, projects) are always whole arguments, never parts of a shell string.
public enum DockerCommands {
    /// For one-shot reads (`ps`, `inspect`, `image ls`): a local engine answers in milliseconds.
    public static let readTimeout: Duration = .seconds(10)

    static let jsonFormat = "{{json .}}"

    /// Every container, running or not, with full ids and one JSON object a line.
    public static func listContainers() -> [String] {
        ["ps", "-a", "--no-trunc", "--format", jsonFormat]
    }

    /// The containers of one compose project (v1 or v2), through the label compose puts on each.
    public static func listContainers(composeProject project: String) -> [String] {
        listContainers() + ["--filter", "label=\(DockerComposeLabels.projectKey)=\(project)"]
    }

    /// One batch inspect of containers by id.
    public static func inspectContainers(_ ids: [String]) -> [String] {
        ["inspect", "--type", "container"] + ids
    }

    /// One batch inspect of images by id.
    public static func inspectImages(_ ids: [String]) -> [String] {
        ["image", "inspect"] + ids
    }

    /// The local images, or those of one repository (`registry.example.com/shop/web`).
    public static func listImages(repository: String? = nil) -> [String] {
        ["image", "ls", "--no-trunc", "--format", jsonFormat] + (repository.map { [$0] } ?? [])
    }

    /// Follows one container's output from its last `tail` lines, each line led by its RFC 3339
    /// time with nanoseconds.
    public static func followLogs(of container: String, tail: Int) -> [String] {
        ["logs", "-f", "--timestamps", "--tail", String(max(0, tail)), container]
    }

    /// Container events that change what is shown, as they happen.
    public static func watchEvents() -> [String] {
        ["events", "--format", jsonFormat] + DockerEventFilter.arguments
    }

    /// A compose v2 project's containers (`docker compose` plugin).
    public static func listComposeContainers(project: String) -> [String] {
        ["compose", "-p", project, "ps", "-a", "--format", "json"]
    }
}
