import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One action at a time per service and environment, across every opsdeck process of a machine:
/// two operators promoting the same service at once would each undo the other's work.
///
/// The lock is a file in the locks folder (`$XDG_STATE_HOME/opsdeck/locks/`) named after the
/// service and environment (see `LockFileName`), created with `O_EXCL` and holding its owner as
/// JSON: user, host, pid, the process's start time, the machine's boot id, since when, the kind of
/// action and its journal id. The holder also keeps an exclusive `flock` on the file for as long as
/// it holds the lock; the kernel drops that `flock` when the process dies, however it dies.
///
/// A lock file that exists is judged:
/// - its `flock` is held: a live process holds it → `heldBy`;
/// - written on another host: that host's processes cannot be checked from here → `heldBy`;
/// - same host, but another boot, or the pid is gone, a zombie or another program (its start time
///   differs) → stale: taken over in place, and `takeover` says whose it was and why, for the
///   journal's `lock-takeover` line;
/// - same host, the process still runs but holds no `flock` (an opsdeck that could not release its
///   lock properly) → `heldBy`: when unsure, refuse.
/// Deciding and releasing happen under `LockFolderGuard`, so two opsdecks never both take over.
public final class ActionLock: Sendable {
    public let key: ServiceKey
    public let path: String
    public let owner: LockOwner
    /// Set when a stale lock was taken over.
    public let takeover: LockTakeover?
    private let folder: String
    /// The open lock file carrying the `flock`; nil once released.
    private let descriptor: Mutex<Int32?>

    private init(key: ServiceKey, path: String, folder: String, owner: LockOwner, takeover: LockTakeover?, fd: Int32) {
        self.key = key
        self.path = path
        self.folder = folder
        self.owner = owner
        self.takeover = takeover
        descriptor = Mutex(fd)
    }

    deinit { release() }

    /// Takes the lock of `key` for this process, or throws `.heldBy` naming who holds it.
    /// `folder` defaults to the locks folder of `StatePaths.current()`.
    public static func acquire(_ key: ServiceKey, kind: ActionPlan.Kind, actionID: String = "", in folder: String? = nil,
                               operator actor: ActionOperator = .current(),
                               now: LogTimestamp = JournalTime.now()) throws(ActionLockError) -> ActionLock {
        guard let folder = folder ?? StatePaths.current().locksFolder else { throw .noPlace }
        if let failure = StateFiles.makeFolder(folder) { throw .cannotCreate(path: folder, errno: failure) }
        let path = StatePaths.joined(folder, LockFileName.name(for: key))
        let owner = LockOwner(user: actor.user, host: actor.host, pid: actor.pid,
                              processStart: ProcessFacts.stat(of: actor.pid)?.startTicks, bootID: ProcessFacts.bootID,
                              since: now, kind: kind, actionID: actionID, key: key)
        return try LockFolderGuard.withGuard(in: folder) { () throws(ActionLockError) -> ActionLock in
            // A file deleted between failing to create it and opening it is simply tried again.
            for _ in 0..<3 {
                switch StateFiles.openFile(path, O_RDWR | O_CREAT | O_EXCL) {
                case .success(let fd):
                    try claim(fd, path: path, owner: owner, fresh: true)
                    return ActionLock(key: key, path: path, folder: folder, owner: owner, takeover: nil, fd: fd)
                case .failure(let error) where error.code == EEXIST:
                    guard let existing = try judgeExisting(path: path, key: key, owner: owner) else { continue }
                    return ActionLock(key: key, path: path, folder: folder, owner: owner, takeover: existing.takeover,
                                      fd: existing.fd)
                case .failure(let error):
                    throw .cannotCreate(path: path, errno: error.code)
                }
            }
            throw .busy(path: folder)
        }
    }

    /// Deletes the lock file and drops the `flock`. Safe to call more than once; `deinit` calls it.
    public func release() {
        guard let fd = descriptor.withLock({ held -> Int32? in
            defer { held = nil }
            return held
        }) else { return }
        // Under the guard, so nobody is between opening this file and judging it. If the guard
        // cannot be had the file stays: with its flock gone and this process ended, it reads stale.
        try? LockFolderGuard.withGuard(in: folder) { () throws(ActionLockError) in
            if Self.isSameFile(fd, path: path) { unlink(path) }
        }
        close(fd)
    }

    /// Whether this lock is still held by this object.
    public var isHeld: Bool { descriptor.withLock { $0 != nil } }

    // MARK: - Deciding

    /// Opens the existing lock file and decides: held (throws), stale (taken over: returns the
    /// descriptor), or gone meanwhile (nil: try creating again).
    private static func judgeExisting(path: String, key: ServiceKey, owner: LockOwner) throws(ActionLockError)
        -> (fd: Int32, takeover: LockTakeover)? {
        let fd: Int32
        switch StateFiles.openFile(path, O_RDWR) {
        case .success(let opened): fd = opened
        case .failure(let error) where error.code == ENOENT: return nil
        case .failure(let error): throw .cannotCreate(path: path, errno: error.code)
        }
        let previous = StateFiles.readAll(fd, limit: 64 << 10).flatMap(LockOwner.init(bytes:))
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw heldError(previous, key: key, path: path)
        }
        guard let reason = staleness(of: previous, here: owner) else {
            close(fd)  // drops the flock just taken
            throw heldError(previous, key: key, path: path)
        }
        do {
            try claim(fd, path: path, owner: owner, fresh: false)
        } catch {
            close(fd)
            throw error
        }
        return (fd, LockTakeover(previous: previous, reason: reason))
    }

    /// Why a lock file nobody `flock`s is stale, or nil when it must still be respected.
    static func staleness(of previous: LockOwner?, here: LockOwner) -> String? {
        guard let previous else { return "the lock file was unreadable and nobody held it" }
        guard previous.host == here.host else { return nil }
        if let theirs = previous.bootID, let ours = here.bootID, theirs != ours { return "the machine restarted since" }
        return ProcessFacts.whyGone(pid: previous.pid, startTicks: previous.processStart)
    }

    private static func heldError(_ previous: LockOwner?, key: ServiceKey, path: String) -> ActionLockError {
        if let previous { return .heldBy(previous, since: previous.since) }
        var status = stat()
        let since = stat(path, &status) == 0
            ? LogTimestamp(secondsSinceEpoch: Int64(status.st_mtim.tv_sec), nanoseconds: Int64(status.st_mtim.tv_nsec))
            : JournalTime.now()
        let unknown = LockOwner(user: "?", host: "?", pid: 0, processStart: nil, bootID: nil, since: since,
                                kind: .deploy, actionID: "", key: key)
        return .heldBy(unknown, since: since)
    }

    /// Takes the `flock` and writes `owner` over whatever the file held, durably.
    private static func claim(_ fd: Int32, path: String, owner: LockOwner, fresh: Bool) throws(ActionLockError) {
        var failure: Int32?
        if flock(fd, LOCK_EX | LOCK_NB) != 0 { failure = errno }
        if failure == nil, ftruncate(fd, 0) != 0 { failure = errno }
        if failure == nil, lseek(fd, 0, SEEK_SET) < 0 { failure = errno }
        var writer = JSONWriter(capacity: 384)
        writer.write(owner.jsonValue)
        writer.bytes.append(0x0A)
        if failure == nil { failure = StateFiles.writeAll(fd, writer.bytes) }
        if failure == nil { failure = StateFiles.syncData(fd) }
        if let failure {
            if fresh {
                unlink(path)
                close(fd)
            }
            throw .cannotCreate(path: path, errno: failure)
        }
        if fresh { StateFiles.syncFolder(holding: path) }
    }

    private static func isSameFile(_ fd: Int32, path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(fd, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }
}
