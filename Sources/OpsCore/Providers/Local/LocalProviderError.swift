/// What went wrong in the local provider, in words for the pane, the step's output or the journal.
public enum LocalProviderError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotListen(port: Int, reason: String)
    case cannotStart(String)
    case noSupervisor(stateFolder: String)
    case supervisorRunning(pid: Int32, stateFolder: String)
    case noInstance(String)
    case badVersion(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .cannotListen(let port, let reason): "cannot listen on 127.0.0.1:\(port): \(reason)"
        case .cannotStart(let reason): "cannot start the instance: \(reason)"
        case .noSupervisor(let folder): "no opsdeck local up runs for \(folder): start it first (it runs the instances and the front ports)"
        case .supervisorRunning(let pid, let folder): "opsdeck local up already runs for \(folder) (pid \(pid))"
        case .noInstance(let words): words
        case .badVersion(let version): "\(version) is not a version (letters, digits, ., _, + and -, not starting with - or .)"
        }
    }
}

extension LocalProviderError: ActionPlanningError {
    /// A version that names nothing is the request's fault; the rest is the machine's state.
    public var blamesRequest: Bool {
        if case .badVersion = self { return true }
        return false
    }
}
