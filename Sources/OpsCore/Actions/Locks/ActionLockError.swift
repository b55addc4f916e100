/// Why a service's lock was not given.
public enum ActionLockError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Another action on this service and environment is running: who, and since when.
    case heldBy(LockOwner, since: LogTimestamp)
    /// Neither `$XDG_STATE_HOME` nor a home folder says where locks go.
    case noPlace
    case cannotCreate(path: String, errno: Int32)
    /// Another opsdeck kept the locks folder busy for seconds (stopped with ^Z mid-acquire?).
    case busy(path: String)

    public var description: String {
        switch self {
        case .heldBy(let owner, let since):
            if owner.pid == 0 {
                return "another action holds the lock of \(owner.key) since \(since.rfc3339Milliseconds) (its lock file is unreadable)"
            }
            return "\(owner.key) is locked by \(owner.user)@\(owner.host) (pid \(owner.pid), \(owner.kind.rawValue)) since \(since.rfc3339Milliseconds)"
        case .noPlace:
            return "no place for locks: set XDG_STATE_HOME or HOME"
        case .cannotCreate(let path, let code):
            return "cannot create the lock \(path): \(StateFiles.describe(code))"
        case .busy(let path):
            return "the locks folder \(path) stayed busy: another opsdeck is stuck taking a lock"
        }
    }
}
