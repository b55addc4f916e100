import Glibc

/// Reads a file with `read(2)` into a 1 MiB buffer and finds line ends with `memchr`: the floor
/// under any line-oriented log reader, and how the bench counts the lines of a `--file`.
enum LineCounter {
    struct Counts: Sendable {
        var lines: Int
        var bytes: Int
    }

    /// A last line without a newline still counts as a line.
    static func count(path: String) throws -> Counts {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BenchError.system("cannot open \(path)") }
        defer { close(fd) }
        let capacity = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var counts = Counts(lines: 0, bytes: 0)
        var lastByte: UInt8 = 0x0A
        while true {
            let count = read(fd, buffer, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                throw BenchError.system("cannot read \(path)")
            }
            if count == 0 { break }
            counts.bytes += count
            var cursor = buffer
            var left = count
            while left > 0, let newline = memchr(cursor, 0x0A, left) {
                counts.lines += 1
                let consumed = newline - cursor + 1
                cursor = newline + 1
                left -= consumed
            }
            lastByte = buffer.load(fromByteOffset: count - 1, as: UInt8.self)
        }
        if lastByte != 0x0A { counts.lines += 1 }
        return counts
    }
}
