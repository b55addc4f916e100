#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to a file descriptor: records are appended as bytes and written in large
/// blocks, so a million records cost a few hundred system calls, not a million.
final class OutputSink {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 16
    /// Set once a write failed: the reader went away (EPIPE) or the output cannot take more.
    private(set) var closed = false
    /// The errno of a failed write that is not EPIPE (a full disk, a closed descriptor): output was
    /// lost and the user must hear of it, unlike a reader that simply stopped reading.
    private(set) var failure: Int32?

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(flushThreshold * 2)
    }

    var isTerminal: Bool { isatty(fd) == 1 }

    /// True once nobody will read our output: a pipe whose read end closed reports POLLERR (a hung-up
    /// terminal or socket POLLHUP) before any write fails. `--follow` on a quiet file has nothing to
    /// write, so without this `opsdeck logs --follow f | head -1` would wait forever, as `tail -f` once did.
    var readerGone: Bool {
        var request = pollfd(fd: fd, events: 0, revents: 0)
        return poll(&request, 1, 0) == 1 && request.revents & Int16(POLLERR | POLLHUP) != 0
    }

    func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { flush() }
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= flushThreshold { flush() }
    }

    /// Appends straight into the buffer (the JSON encoder writes here without a copy).
    func withBuffer(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= flushThreshold { flush() }
    }

    func flush() {
        guard !closed else { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno != EPIPE { failure = errno }
                closed = true
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
