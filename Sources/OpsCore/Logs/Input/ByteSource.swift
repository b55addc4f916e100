#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a `LineReader` takes its bytes from: a file descriptor, or an array (tests and callers that
/// already hold the bytes). Both go through the same splitter so tests exercise the real code.
enum ByteSource {
    case descriptor(Int32, closesOnEnd: Bool)
    case memory([UInt8], position: Int, chunkSize: Int)

    /// A source with nothing in it: a follower's reader before its file exists.
    static var empty: ByteSource { .memory([], position: 0, chunkSize: 1) }

    /// What one fill of the buffer produced.
    enum Fill {
        case bytes(Int)
        case endOfData
        case wouldBlock
    }

    /// Copies at most `room` bytes (room > 0) to `destination`, as one `read(2)` would.
    mutating func fill(_ destination: UnsafeMutablePointer<UInt8>, room: Int) throws -> Fill {
        switch self {
        case .descriptor(let fd, _):
            while true {
                let count = read(fd, destination, room)
                if count > 0 { return .bytes(count) }
                if count == 0 { return .endOfData }
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
                throw ByteInputError.readFailed(errno: code)
            }
        case .memory(let bytes, let position, let chunkSize):
            let count = min(room, chunkSize, bytes.count - position)
            guard count > 0 else { return .endOfData }
            bytes.withUnsafeBufferPointer { all in
                guard let base = all.baseAddress else { return }
                destination.update(from: base + position, count: count)
            }
            self = .memory(bytes, position: position + count, chunkSize: chunkSize)
            return .bytes(count)
        }
    }

    var descriptor: Int32? {
        if case .descriptor(let fd, _) = self { return fd }
        return nil
    }

    /// Closes the descriptor when this source owns it.
    func release() {
        if case .descriptor(let fd, true) = self { _ = close(fd) }
    }
}
