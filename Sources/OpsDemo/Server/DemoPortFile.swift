import Foundation
import Glibc

/// Writes the chosen port to `--port-file` so that whoever started the service learns it: digits and
/// a newline, written to a temporary file beside it and renamed over it, so a reader never sees a
/// half-written number.
public enum DemoPortFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ port: Int, to path: String) throws(Failure) {
        let temporary = "\(path).\(getpid()).tmp"
        let bytes = Array("\(port)\n".utf8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let closed = close(fd)
        guard written == bytes.count, closed == 0 else {
            unlink(temporary)
            throw Failure(description: "cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot rename \(temporary) to \(path): \(reason)")
        }
    }
}
