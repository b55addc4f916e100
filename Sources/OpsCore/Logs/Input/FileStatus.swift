#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a descriptor or path refers to, and how big it is: what a follower compares to notice
/// rotation (another device/inode at the path) and truncation (a size below the read offset).
struct FileStatus: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var isRegular: Bool

    func isSameFile(as other: FileStatus) -> Bool { device == other.device && inode == other.inode }

    init(_ raw: stat) {
        device = UInt64(raw.st_dev)
        inode = UInt64(raw.st_ino)
        size = Int64(raw.st_size)
        isRegular = (raw.st_mode & S_IFMT) == S_IFREG
    }

    static func of(descriptor fd: Int32) throws -> FileStatus {
        var raw = stat()
        guard fstat(fd, &raw) == 0 else { throw ByteInputError.statFailed(path: nil, errno: errno) }
        return FileStatus(raw)
    }

    /// nil when the path names nothing (ENOENT, or a directory on the way is gone).
    static func of(path: String) throws -> FileStatus? {
        var raw = stat()
        guard stat(path, &raw) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw ByteInputError.statFailed(path: path, errno: code)
        }
        return FileStatus(raw)
    }
}
