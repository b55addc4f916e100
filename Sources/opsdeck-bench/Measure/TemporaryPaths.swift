import Glibc

/// Unique paths in `$TMPDIR` (or /tmp), created with `mkstemps`/`mkdtemp` so that concurrent
/// benches never collide.
enum TemporaryPaths {
    static var directory: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// Creates an empty file and returns its path.
    static func file(prefix: String, suffix: String) throws -> String {
        let (fd, path) = try createFile(prefix: prefix, suffix: suffix)
        close(fd)
        return path
    }

    /// Creates an empty file and returns it open for writing.
    static func createFile(prefix: String, suffix: String) throws -> (Int32, String) {
        var template = Array("\(directory)/\(prefix)-XXXXXX\(suffix)".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard fd >= 0 else { throw BenchError.system("cannot create a temporary file in \(directory)") }
        return (fd, template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }

    static func makeDirectory(prefix: String) throws -> String {
        var template = Array("\(directory)/\(prefix)-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw BenchError.system("cannot create a temporary directory in \(directory)")
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
