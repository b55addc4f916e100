#if canImport(Glibc)
import Glibc
#endif

/// The I/O counters the kernel keeps for this process (/proc/self/io).
enum ProcessIOCounters {
    /// `wchar`: bytes passed to write(2) and similar, whether or not they reached a disk.
    static func written() -> Int {
        let descriptor = open("/proc/self/io", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return 0 }
        return value(of: "wchar", in: buffer[..<count]) ?? 0
    }

    /// The number after `name: ` in the `name: value` lines of /proc/self/io.
    static func value(of name: String, in text: ArraySlice<UInt8>) -> Int? {
        let key = Array(name.utf8) + [UInt8(ascii: ":")]
        var index = text.startIndex
        while index < text.endIndex {
            let lineEnd = text[index...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = text[index..<lineEnd]
            if line.starts(with: key) {
                var number = 0
                for byte in line.dropFirst(key.count) where byte >= 48 && byte <= 57 {
                    number = number &* 10 &+ Int(byte - 48)
                }
                return number
            }
            index = lineEnd < text.endIndex ? lineEnd + 1 : lineEnd
        }
        return nil
    }
}
