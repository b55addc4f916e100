#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls the journal and the locks share, each retried on EINTR and reporting
/// `errno` rather than throwing, so each caller names the failure in its own words.
enum StateFiles {
    /// Creates `path` and its missing parents, new ones readable by this user only (the journal
    /// says who did what; the locks say who is doing what). Returns the errno of a failure.
    static func makeFolder(_ path: String, mode: mode_t = 0o700) -> Int32? {
        var status = stat()
        if stat(path, &status) == 0 {
            return (status.st_mode & S_IFMT) == S_IFDIR ? nil : ENOTDIR
        }
        let parent = parentFolder(of: path)
        if parent != path, !parent.isEmpty, let failure = makeFolder(parent, mode: mode) { return failure }
        if mkdir(path, mode) == 0 || errno == EEXIST { return nil }
        return errno
    }

    /// The folder part of `path` (`/` for `/x`, `.` for `x`).
    static func parentFolder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Writes every byte; nil when all were written, else the errno. On a regular file opened with
    /// `O_APPEND` the first `write` takes the whole buffer in one go (the kernel holds the inode
    /// while it appends), which is what keeps concurrent writers' lines whole; the loop only
    /// finishes what a full disk or a signal cut short.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            offset += written
        }
        return nil
    }

    /// `fsync`, retried on EINTR; nil on success, else the errno.
    static func syncData(_ fd: Int32) -> Int32? {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            return errno
        }
        return nil
    }

    /// Makes a new directory entry durable: syncs the folder that holds `path`. Best effort: some
    /// file systems refuse to sync a folder, and the data itself is already synced.
    static func syncFolder(holding path: String) {
        let fd = open(parentFolder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Opens `path`, retried on EINTR; the descriptor, or the errno as a failure.
    static func openFile(_ path: String, _ flags: Int32, _ mode: mode_t = 0o600) -> Result<Int32, Errno> {
        while true {
            let fd = open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return .success(fd) }
            if errno == EINTR { continue }
            return .failure(Errno(errno))
        }
    }

    /// Reads from `fd` until its end, at most `limit` bytes; nil on a read error (errno is set).
    static func readAll(_ fd: Int32, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < limit {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<min(count, limit - bytes.count)])
        }
        return bytes
    }

    /// The words of `strerror`.
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// A C error number, as the failure of a `Result`.
struct Errno: Error, Hashable {
    var code: Int32
    init(_ code: Int32) { self.code = code }
}
