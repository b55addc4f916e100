/// Docker's part of the action settings: where compose override files go and the wait step.
extension ActionSettings {
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
