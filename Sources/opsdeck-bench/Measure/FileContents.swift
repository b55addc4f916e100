import Glibc

/// Small whole-file reads with `read(2)`, which also work for /proc files whose size is 0.
enum FileContents {
    static func read(_ path: String, maxBytes: Int = 16 << 20) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < maxBytes {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes.prefix(maxBytes), as: UTF8.self)
    }

    /// The first `maxBytes` of a file, trimmed, for error notes.
    static func head(of path: String, maxBytes: Int) -> String {
        let text = read(path, maxBytes: maxBytes) ?? ""
        return text.trimmingBlanks()
    }
}

extension String {
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
