import Foundation

/// One instance of a local service: written by the supervisor when it starts it, removed by the
/// stop step; the exit status is added when it ended on its own.
public struct LocalInstance: Codable, Hashable, Sendable {
    public var id: String
    public var version: String
    public var port: Int
    public var pid: Int32
    /// Clock ticks after boot at which the process started (`/proc/PID/stat`), so that a pid reused
    /// by another program is not taken for the instance.
    public var startTicks: UInt64?
    /// Nanoseconds since the epoch.
    public var started: Int64
    public var exitStatus: Int32?

    public init(id: String, version: String, port: Int, pid: Int32, startTicks: UInt64?, started: Int64, exitStatus: Int32? = nil) {
        self.id = id
        self.version = version
        self.port = port
        self.pid = pid
        self.startTicks = startTicks
        self.started = started
        self.exitStatus = exitStatus
    }

    enum CodingKeys: String, CodingKey {
        case id, version, port, pid, started
        case startTicks = "start_ticks"
        case exitStatus = "exit_status"
    }

    /// Whether the process is still this instance (not gone, not a zombie, not another program).
    public var isRunning: Bool { exitStatus == nil && ProcessFacts.whyGone(pid: pid, startTicks: startTicks) == nil }
}

/// Which instance the front port forwards to, since when.
public struct LocalLive: Codable, Hashable, Sendable {
    public var instance: String
    public var version: String
    public var port: Int
    public var since: Int64

    public init(instance: String, version: String, port: Int, since: Int64) {
        self.instance = instance
        self.version = version
        self.port = port
        self.since = since
    }
}

/// One line of a service's release history: a version made live (by `local up`, a deploy, a
/// promotion or a rollback), or a version that failed to become live.
public struct LocalHistoryEntry: Codable, Hashable, Sendable {
    public enum Outcome: String, Codable, Hashable, Sendable {
        case live
        case failed
    }

    public var time: Int64
    public var version: String
    public var instance: String
    public var outcome: Outcome
    /// `start` (local up), `deploy`, `promote`, `rollback`.
    public var cause: String

    public init(time: Int64, version: String, instance: String, outcome: Outcome, cause: String) {
        self.time = time
        self.version = version
        self.instance = instance
        self.outcome = outcome
        self.cause = cause
    }
}

/// An instance a deploy asks the supervisor to start: the supervisor owns every instance's
/// process (it reaps it, and stops it when it stops), so steps ask rather than spawn.
public struct LocalStartRequest: Codable, Hashable, Sendable {
    public var id: String
    public var version: String
    /// The argv with `{version}` filled in; `{port}` is filled by the supervisor with the port it picks.
    public var argv: [String]
    public var environment: [String: String]
    public var directory: String?

    public init(id: String, version: String, argv: [String], environment: [String: String], directory: String?) {
        self.id = id
        self.version = version
        self.argv = argv
        self.environment = environment
        self.directory = directory
    }
}

/// The running supervisor of a state folder.
public struct LocalSupervisorRecord: Codable, Hashable, Sendable {
    public var pid: Int32
    public var startTicks: UInt64?
    public var started: Int64

    public init(pid: Int32, startTicks: UInt64?, started: Int64) {
        self.pid = pid
        self.startTicks = startTicks
        self.started = started
    }

    enum CodingKeys: String, CodingKey {
        case pid, started
        case startTicks = "start_ticks"
    }

    public var isRunning: Bool { ProcessFacts.whyGone(pid: pid, startTicks: startTicks) == nil }

    /// This process.
    public static func current(now: Int64) -> LocalSupervisorRecord {
        LocalSupervisorRecord(pid: getpid(), startTicks: ProcessFacts.stat(of: getpid())?.startTicks, started: now)
    }
}
