#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Serialises taking, judging and releasing locks among the opsdeck processes of this machine
/// with an exclusive `flock` on one file of the locks folder.
///
/// Without it two operators could both judge the same lock stale and both take it over, or one
/// could open a lock file just before its holder deletes it and take over a file nobody sees. Each
/// holder keeps this guard only for the few system calls of one decision.
enum LockFolderGuard {
    static let fileName = ".guard"
    /// How long to wait for another opsdeck's decision before giving up.
    static let patience: Duration = .seconds(5)

    static func withGuard<T>(in folder: String, _ body: () throws(ActionLockError) -> T) throws(ActionLockError) -> T {
        let path = StatePaths.joined(folder, fileName)
        let fd: Int32
        switch StateFiles.openFile(path, O_RDWR | O_CREAT) {
        case .success(let opened): fd = opened
        case .failure(let error): throw .cannotCreate(path: path, errno: error.code)
        }
        defer { close(fd) }  // closing the only descriptor releases the flock
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: patience)
        var pause: UInt32 = 200  // microseconds, doubled up to 20 ms
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw .cannotCreate(path: path, errno: errno) }
            guard clock.now < deadline else { throw .busy(path: folder) }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
        return try body()
    }
}
