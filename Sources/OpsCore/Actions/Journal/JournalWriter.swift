import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends entries to the journal, each made durable before `append` returns, so that whatever
/// happens next (kill -9, a dropped SSH session, a power cut) the journal tells the truth up to the
/// step that was running.
///
/// Each append opens the file with `O_APPEND`, writes the whole line with one `write` and `fsync`s
/// it. One `write` of an `O_APPEND` file is one atomic append on a local file system, so lines of
/// several opsdeck processes (two operators, two terminals) never interleave. Opening for every
/// line costs little (an action writes a handful) and follows a journal that logrotate moved.
/// Appends from several threads of one process are serialised.
public final class JournalWriter: Sendable {
    public let path: String
    /// Lines written and synced: counted only once `fsync` has succeeded.
    private let synced = Mutex<Int>(0)

    public init(path: String) { self.path = path }

    /// How many lines this writer has written and made durable.
    public var durableLines: Int { synced.withLock { $0 } }

    public func append(_ entry: JournalEntry) throws(JournalError) {
        try append(line: entry.line)
    }

    /// Appends an alert's line, as durably as an action's.
    public func append(_ alert: JournalAlertEntry) throws(JournalError) {
        try append(line: alert.line)
    }

    /// Appends one already-encoded line (it must end with its only `\n`).
    func append(line: [UInt8]) throws(JournalError) {
        let outcome: JournalError? = synced.withLock { count in
            if let failure = StateFiles.makeFolder(StateFiles.parentFolder(of: path)) {
                return .cannotCreateFolder(path: StateFiles.parentFolder(of: path), errno: failure)
            }
            let fd: Int32
            var created = false
            switch StateFiles.openFile(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL, 0o600) {
            case .success(let opened):
                fd = opened
                created = true
            case .failure(let error) where error.code == EEXIST:
                switch StateFiles.openFile(path, O_WRONLY | O_APPEND) {
                case .success(let opened): fd = opened
                case .failure(let error): return .cannotOpen(path: path, errno: error.code)
                }
            case .failure(let error):
                return .cannotOpen(path: path, errno: error.code)
            }
            defer { close(fd) }
            if let failure = StateFiles.writeAll(fd, line) { return .cannotWrite(path: path, errno: failure) }
            if let failure = StateFiles.syncData(fd) { return .cannotSync(path: path, errno: failure) }
            // A new file's name must survive a crash too, not only its contents.
            if created { StateFiles.syncFolder(holding: path) }
            count += 1
            return nil
        }
        if let outcome { throw outcome }
    }
}
