/// Where the local provider keeps what it knows, under one state folder (the configuration's
/// `local: {state: …}`, else `local` in opsdeck's state folder):
///
/// ```
/// STATE/supervisor.json                        the running `opsdeck local up` (pid, start time)
/// STATE/SERVICE/ENVIRONMENT/live.json          the instance the front port forwards to
/// STATE/SERVICE/ENVIRONMENT/history.jsonl      one line a switch or a failed version
/// STATE/SERVICE/ENVIRONMENT/instances/ID.json  one running instance: pid, port, version, started
/// STATE/SERVICE/ENVIRONMENT/instances/ID.exit  its exit status, once the supervisor has reaped it
/// STATE/SERVICE/ENVIRONMENT/requests/ID.json   an instance a deploy asks the supervisor to start
/// STATE/SERVICE/ENVIRONMENT/requests/ID.error  why the supervisor could not start it
/// STATE/SERVICE/ENVIRONMENT/logs/ID.log        the instance's standard output and error
/// ```
///
/// Service and environment names become folder names with every byte outside `A-Za-z0-9._-`
/// (and a leading `.`) written as `%XX`, so no name can climb out of the folder.
public struct LocalStateLayout: Hashable, Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// The state folder `target` names, else `local` under opsdeck's state folder.
    public init(target: LocalTarget, opsdeckStateFolder: String) {
        self.init(root: target.stateFolder ?? StatePaths.joined(opsdeckStateFolder, "local"))
    }

    public var supervisorFile: String { StatePaths.joined(root, "supervisor.json") }

    public func serviceFolder(_ key: ServiceKey) -> String {
        StatePaths.joined(StatePaths.joined(root, Self.folderName(key.service)), Self.folderName(key.environment))
    }

    public func liveFile(_ key: ServiceKey) -> String { StatePaths.joined(serviceFolder(key), "live.json") }
    public func historyFile(_ key: ServiceKey) -> String { StatePaths.joined(serviceFolder(key), "history.jsonl") }
    public func instancesFolder(_ key: ServiceKey) -> String { StatePaths.joined(serviceFolder(key), "instances") }
    public func requestsFolder(_ key: ServiceKey) -> String { StatePaths.joined(serviceFolder(key), "requests") }
    public func logsFolder(_ key: ServiceKey) -> String { StatePaths.joined(serviceFolder(key), "logs") }

    public func instanceFile(_ key: ServiceKey, id: String) -> String { StatePaths.joined(instancesFolder(key), id + ".json") }
    public func exitFile(_ key: ServiceKey, id: String) -> String { StatePaths.joined(instancesFolder(key), id + ".exit") }
    public func requestFile(_ key: ServiceKey, id: String) -> String { StatePaths.joined(requestsFolder(key), id + ".json") }
    public func requestErrorFile(_ key: ServiceKey, id: String) -> String { StatePaths.joined(requestsFolder(key), id + ".error") }
    public func logFile(_ key: ServiceKey, id: String) -> String { StatePaths.joined(logsFolder(key), id + ".log") }

    /// `name` as one safe folder name.
    public static func folderName(_ name: String) -> String {
        var out = ""
        for (index, byte) in name.utf8.enumerated() {
            let plain = ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || (byte == UInt8(ascii: ".") && index > 0)
            if plain {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out.isEmpty ? "%" : out
    }

    /// An instance id is made by opsdeck (`1.5.0-3f9a0c`), but arrives on a command line: only
    /// what a version may hold, so it is one file name.
    public static func isInstanceID(_ id: String) -> Bool { LocalTarget.isVersion(id) }
}
