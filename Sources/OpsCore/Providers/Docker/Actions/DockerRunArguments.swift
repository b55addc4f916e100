/// The `docker run` that recreates a container from its inspected settings with another image:
/// what the operator set (everything that differs from the old image's defaults) is passed on,
/// each value one argv word; the rest comes from the new image.
///
/// Kept: environment, command and entrypoint, labels, user, working folder, healthcheck, tty and
/// stdin, network mode, published ports, binds, mounts and unnamed volumes, restart policy. Not
/// kept (not read by opsdeck): resource limits, capabilities, extra hosts, log drivers, networks
/// beyond the first, DNS settings.
public enum DockerRunArguments {
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// `docker run` can set a healthcheck only as a shell command (`--health-cmd`): an exec-form
        /// test the operator set cannot be carried over exactly.
        case execFormHealthcheck(container: String)

        public var description: String {
            switch self {
            case .execFormHealthcheck(let container):
                "\(container) has its own healthcheck in exec form, which docker run cannot set: recreate it by hand"
            }
        }
    }

    /// `run -d --name NAME … IMAGE [ARGS…]` (after `docker`).
    public static func arguments(recreating container: DockerContainerConfig, from oldImage: DockerImageConfig,
                                 name: String, image: String) throws(Problem) -> [String] {
        var words = ["run", "-d", "--name", name]
        let imageEnvironment = Set(oldImage.environment)
        for pair in container.environment where !imageEnvironment.contains(pair) { words += ["-e", pair] }
        for key in container.labels.keys.sorted() where oldImage.labels[key] != container.labels[key] {
            words += ["--label", "\(key)=\(container.labels[key] ?? "")"]
        }
        if container.user != oldImage.user, !container.user.isEmpty { words += ["--user", container.user] }
        if container.workingDirectory != oldImage.workingDirectory, !container.workingDirectory.isEmpty {
            words += ["--workdir", container.workingDirectory]
        }
        if container.tty { words.append("-t") }
        if container.openStdin { words.append("-i") }
        if !["", "default"].contains(container.networkMode) { words += ["--network", container.networkMode] }
        for binding in container.portBindings { words += ["-p", publish(binding)] }
        for bind in container.binds { words += ["-v", bind] }
        for mount in container.mounts { words += ["--mount", mountSpecification(mount)] }
        if !["", "no"].contains(container.restartPolicy) {
            let retries = container.restartPolicy == "on-failure" && container.restartRetries > 0
            words += ["--restart", retries ? "on-failure:\(container.restartRetries)" : container.restartPolicy]
        }
        if container.healthcheck != oldImage.healthcheck, let check = container.healthcheck {
            words += try healthArguments(check, container: container.name)
        }
        // `--entrypoint` takes one word and clears the image's CMD, so a changed entrypoint carries
        // its further words and the whole command as arguments.
        var trailing: [String] = []
        if container.entrypoint != oldImage.entrypoint {
            let entrypoint = container.entrypoint ?? []
            words += ["--entrypoint", entrypoint.first ?? ""]
            trailing = Array(entrypoint.dropFirst()) + (container.command ?? [])
        } else if container.command != oldImage.command {
            trailing = container.command ?? []
        }
        return words + [image] + trailing
    }

    /// `127.0.0.1:8080:80/tcp`, `[::1]:8080:80/tcp`, `8080:80/tcp`, `127.0.0.1::80/tcp`.
    static func publish(_ binding: DockerContainerConfig.PortBinding) -> String {
        let ip = binding.hostIP.contains(":") ? "[\(binding.hostIP)]" : binding.hostIP
        if ip.isEmpty { return binding.hostPort.isEmpty ? binding.containerPort : "\(binding.hostPort):\(binding.containerPort)" }
        return "\(ip):\(binding.hostPort):\(binding.containerPort)"
    }

    /// `type=volume,source=data,target=/data,readonly`. A value holding a comma or a quote would
    /// be split by docker's CSV reading, so such a value is quoted CSV-style.
    static func mountSpecification(_ mount: DockerContainerConfig.Mount) -> String {
        func field(_ key: String, _ value: String) -> String {
            let pair = "\(key)=\(value)"
            guard pair.contains(",") || pair.contains("\"") else { return pair }
            return "\"" + pair.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var fields = [field("type", mount.type)]
        if !mount.source.isEmpty { fields.append(field("source", mount.source)) }
        fields.append(field("target", mount.target))
        if mount.readOnly { fields.append("readonly") }
        return fields.joined(separator: ",")
    }

    static func healthArguments(_ check: DockerContainerConfig.Healthcheck, container: String) throws(Problem) -> [String] {
        switch check.test.first {
        case "NONE":
            return ["--no-healthcheck"]
        case "CMD-SHELL":
            var words = ["--health-cmd", check.test.dropFirst().joined(separator: " ")]
            if let value = check.intervalNanoseconds, value > 0 { words += ["--health-interval", goDuration(value)] }
            if let value = check.timeoutNanoseconds, value > 0 { words += ["--health-timeout", goDuration(value)] }
            if let value = check.startPeriodNanoseconds, value > 0 { words += ["--health-start-period", goDuration(value)] }
            if let value = check.retries, value > 0 { words += ["--health-retries", String(value)] }
            return words
        case nil:
            // Only timings set, the test inherited: nothing docker run could say differently.
            return []
        default:
            throw .execFormHealthcheck(container: container)
        }
    }

    /// Nanoseconds as Go's duration text: `1s`, `1500ms`, `250us`, `7ns`.
    static func goDuration(_ nanoseconds: Int64) -> String {
        if nanoseconds % 1_000_000_000 == 0 { return "\(nanoseconds / 1_000_000_000)s" }
        if nanoseconds % 1_000_000 == 0 { return "\(nanoseconds / 1_000_000)ms" }
        if nanoseconds % 1000 == 0 { return "\(nanoseconds / 1000)us" }
        return "\(nanoseconds)ns"
    }
}
