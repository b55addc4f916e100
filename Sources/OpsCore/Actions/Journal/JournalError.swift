/// Why the journal could not be written or read.
public enum JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Neither `$XDG_STATE_HOME` nor a home folder says where the journal goes.
    case noPlace
    case cannotCreateFolder(path: String, errno: Int32)
    case cannotOpen(path: String, errno: Int32)
    case cannotWrite(path: String, errno: Int32)
    /// The line was written but could not be made durable: after a crash it might be missing.
    case cannotSync(path: String, errno: Int32)
    case cannotRead(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .noPlace:
            "no place for the journal: set XDG_STATE_HOME or HOME, or journal_path in opsdeck.yml"
        case .cannotCreateFolder(let path, let code):
            "cannot create the folder \(path): \(StateFiles.describe(code))"
        case .cannotOpen(let path, let code):
            "cannot open the journal \(path): \(StateFiles.describe(code))"
        case .cannotWrite(let path, let code):
            "cannot write the journal \(path): \(StateFiles.describe(code))"
        case .cannotSync(let path, let code):
            "cannot make the journal \(path) durable (fsync): \(StateFiles.describe(code))"
        case .cannotRead(let path, let code):
            "cannot read the journal \(path): \(StateFiles.describe(code))"
        }
    }
}
