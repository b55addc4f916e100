/// A service run as processes on this machine by `opsdeck local up` (a local development stack,
/// or `opsdeck demo`): each version an instance started from `command`, reached through a stable
/// front port that forwards to the live instance.
public struct LocalTarget: Sendable, Hashable {
    /// The argv an instance runs, never a shell string. `{version}` and `{port}` in any item are
    /// replaced by the instance's version and its own loopback port.
    public var command: [String]
    /// The version `opsdeck local up` starts.
    public var version: String
    /// What a deploy offers besides any typed version, newest first as written.
    public var versions: [String]
    /// The stable front port on 127.0.0.1: users and probes use it; it forwards to the live instance.
    public var port: Int
    /// The path that answers 2xx once an instance may take traffic.
    public var readyPath: String
    /// Extra environment of every instance (besides `PORT` and `VERSION`), sorted by name.
    public var environment: [String: String]
    /// The working folder of instances: as written, or the configuration file's folder once loaded
    /// from a file; nil inherits opsdeck's.
    public var directory: String?
    /// Where instances, logs and the release history are kept (top-level `local: {state: …}`); nil
    /// for `local` under opsdeck's state folder.
    public var stateFolder: String?

    public init(command: [String], version: String, versions: [String] = [], port: Int, readyPath: String = "/ready",
                environment: [String: String] = [:], directory: String? = nil, stateFolder: String? = nil) {
        self.command = command
        self.version = version
        self.versions = versions
        self.port = port
        self.readyPath = readyPath
        self.environment = environment
        self.directory = directory
        self.stateFolder = stateFolder
    }

    /// `command` with `{version}` filled in, and `{port}` too when given (the supervisor fills it
    /// with the port it picks when it starts the instance).
    public func argv(version: String, port: Int? = nil) -> [String] {
        command.map { item in
            let versioned = item.replacingOccurrences(of: "{version}", with: version)
            return port.map { versioned.replacingOccurrences(of: "{port}", with: String($0)) } ?? versioned
        }
    }

    /// The versions a deploy offers: `versions`, then `version` when it is not among them.
    public var offeredVersions: [String] {
        versions.contains(version) ? versions : versions + [version]
    }

    /// A version opsdeck accepts: what a tag may hold (letters, digits, `.`, `_`, `+`, `-`), not
    /// starting with `-` or `.` (never a flag, never a path), at most 128 characters.
    public static func isVersion(_ text: String) -> Bool {
        guard let first = text.utf8.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "."), text.utf8.count <= 128 else {
            return false
        }
        return text.utf8.allSatisfy { ASCII.isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_")
            || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
    }
}
