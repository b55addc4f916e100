/// How Docker deploys are planned: where opsdeck's own files go, the command that waits for the new
/// containers, and the deadlines of each kind of step.
public struct DockerActionSettings: Hashable, Sendable {
    /// The `opsdeck` executable that runs the wait step (`opsdeck docker-wait …`): the running one,
    /// by its absolute path, so the step runs the same build whatever `PATH` says.
    public var opsdeckExecutable: String
    /// opsdeck's state folder (`$XDG_STATE_HOME/opsdeck`): compose override files go under it,
    /// never beside the user's compose files.
    public var stateFolder: String
    /// How long the new containers have to run and turn healthy.
    public var readyTimeout: Duration
    /// `docker stop -t`: the old container's grace period.
    public var stopGraceSeconds: Int
    /// `docker run` and `compose up` may pull an image: a generous deadline.
    public var startTimeout: Duration
    /// rename, stop, rm, start.
    public var shortTimeout: Duration

    public init(opsdeckExecutable: String, stateFolder: String, readyTimeout: Duration = .seconds(120),
                stopGraceSeconds: Int = 10, startTimeout: Duration = .seconds(300), shortTimeout: Duration = .seconds(60)) {
        self.opsdeckExecutable = opsdeckExecutable
        self.stateFolder = stateFolder
        self.readyTimeout = readyTimeout
        self.stopGraceSeconds = stopGraceSeconds
        self.startTimeout = startTimeout
        self.shortTimeout = shortTimeout
    }

    /// The folder of compose override files.
    public var composeOverridesFolder: String { StatePaths.joined(stateFolder, "compose-overrides") }

    /// `opsdeck docker-wait …` for `wait`, with a deadline a little past the wait's own so that
    /// the wait, not the runner, says why it ended.
    func waitCommand(_ wait: DockerReadinessWait) -> Command {
        var arguments = [DockerWaitArguments.subcommand]
        if let context = wait.endpoint.context { arguments += ["--context", context] }
        if let host = wait.endpoint.host { arguments += ["--host", host] }
        switch wait.subject {
        case .container(let name): arguments += ["--container", name]
        case .compose(let project, let service): arguments += ["--compose-project", project, "--compose-service", service]
        }
        if let reference = wait.imageReference { arguments += ["--image", reference] }
        if let id = wait.imageID { arguments += ["--image-id", id] }
        arguments += ["--timeout", ConfigDuration.format(wait.timeout)]
        return Command(opsdeckExecutable, arguments, timeout: wait.timeout + .seconds(30))
    }
}

/// The words of `opsdeck docker-wait`, shared by the plan that writes them and the command that
/// reads them.
public enum DockerWaitArguments {
    public static let subcommand = "docker-wait"
    /// The exit status of a wait whose deadline passed (the headless commands' "timed out").
    public static let timedOutStatus: Int32 = 5
}
