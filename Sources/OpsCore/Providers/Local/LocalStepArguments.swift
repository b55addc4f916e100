/// The words of `opsdeck local-step`, shared by the plans that write them and the command that
/// reads them.
public enum LocalStepArguments {
    public static let subcommand = "local-step"
    /// The exit status of a step whose deadline passed (the headless commands' "timed out").
    public static let timedOutStatus: Int32 = 5

    /// `--state ROOT --service S --environment E --instance ID`: which instance of which service.
    static func subject(_ layout: LocalStateLayout, _ key: ServiceKey, instance: String) -> [String] {
        ["--state", layout.root, "--service", key.service, "--environment", key.environment, "--instance", instance]
    }

    /// `start … --version V [--directory D] [--env NAME=VALUE]… --timeout T -- ARGV…`.
    public static func start(_ layout: LocalStateLayout, _ key: ServiceKey, instance: String, target: LocalTarget,
                             version: String, timeout: Duration) -> [String] {
        var arguments = [subcommand, "start"] + subject(layout, key, instance: instance) + ["--version", version]
        if let directory = target.directory { arguments += ["--directory", directory] }
        for name in target.environment.keys.sorted() { arguments += ["--env", "\(name)=\(target.environment[name] ?? "")"] }
        return arguments + ["--timeout", ConfigDuration.format(timeout), "--"] + target.argv(version: version)
    }

    /// `wait … --path /ready --timeout T`.
    public static func wait(_ layout: LocalStateLayout, _ key: ServiceKey, instance: String, path: String,
                            timeout: Duration) -> [String] {
        [subcommand, "wait"] + subject(layout, key, instance: instance) + ["--path", path, "--timeout", ConfigDuration.format(timeout)]
    }

    /// `switch … --cause deploy|promote|rollback`.
    public static func switchTo(_ layout: LocalStateLayout, _ key: ServiceKey, instance: String, cause: String) -> [String] {
        [subcommand, "switch"] + subject(layout, key, instance: instance) + ["--cause", cause]
    }

    /// `stop … --grace G [--failed --cause C]`.
    public static func stop(_ layout: LocalStateLayout, _ key: ServiceKey, instance: String, graceSeconds: Int,
                            failedCause: String?) -> [String] {
        var arguments = [subcommand, "stop"] + subject(layout, key, instance: instance) + ["--grace", "\(graceSeconds)s"]
        if let failedCause { arguments += ["--failed", "--cause", failedCause] }
        return arguments
    }
}
