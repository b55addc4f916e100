#if canImport(Glibc)
import Glibc
#endif

/// A self-pipe: any thread, or a signal handler, writes a byte and the UI loop, which polls
/// the read end beside the terminal's input, wakes. Both ends are non-blocking: a writer
/// never blocks on a full pipe (the loop is awake then anyway), a drain never waits.
public final class WakePipe: @unchecked Sendable {
    // @unchecked: the descriptors are immutable after init, and write(2)/read(2) on a pipe
    // are safe from any thread.
    public let readDescriptor: Int32
    public let writeDescriptor: Int32

    public struct CreationFailed: Error {
        public let errno: Int32
    }

    public init() throws(CreationFailed) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw CreationFailed(errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = ends[0]
        writeDescriptor = ends[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Writes one byte; 0 means "wake", a signal number means that signal arrived.
    public func post(_ byte: UInt8 = 0) {
        var value = byte
        _ = write(writeDescriptor, &value, 1)
    }

    /// Reads every byte posted so far, without waiting, and hands each to `body`.
    public func drain(_ body: (UInt8) -> Void) {
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &buffer) { raw in
            guard let base = raw.baseAddress else { return }
            while true {
                let count = read(readDescriptor, base, raw.count)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return }
                for byte in UnsafeRawBufferPointer(rebasing: raw[..<count]) { body(byte) }
            }
        }
    }
}
