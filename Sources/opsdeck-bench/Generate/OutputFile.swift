import Glibc

/// A file written with plain `write(2)` calls of large chunks: the generator hands it ~1 MiB at a
/// time, which keeps writing far above the 100 MB/s the bench needs.
final class OutputFile {
    let path: String
    private let descriptor: Int32

    init(creating path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BenchError.system("cannot create \(path)") }
        self.path = path
        descriptor = fd
    }

    /// Adopts a descriptor that is already open for writing (from `mkstemps`).
    init(adopting fd: Int32, path: String) {
        self.path = path
        descriptor = fd
    }

    deinit { close(descriptor) }

    func write(_ buffer: borrowing ByteBuffer) throws {
        try buffer.withUnsafeBufferPointer { try write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    private func write(_ raw: UnsafeRawBufferPointer) throws {
        guard let start = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(descriptor, start + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw BenchError.system("cannot write \(path)")
            }
            offset += written
        }
    }
}
