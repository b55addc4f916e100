#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One plain `GET` on 127.0.0.1, for the readiness wait of a local instance: only the status
/// code matters, so this reads the status line and no more.
public enum LoopbackHTTP {
    /// The status code of `GET path` on 127.0.0.1:`port`; nil when nothing answers within
    /// `timeoutMilliseconds` or the answer is not HTTP.
    public static func status(port: Int, path: String, timeoutMilliseconds: Int = 2000) -> Int? {
        guard let fd = LoopbackSocket.connect(port: port, timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        defer { close(fd) }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ LoopbackSocket.writeAll(fd, $0) }) else { return nil }
        var line: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        while line.count < 256, !line.contains(UInt8(ascii: "\n")) {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            line.append(contentsOf: chunk[0..<count])
        }
        return parseStatus(line)
    }

    /// `HTTP/1.1 200 OK` -> 200.
    static func parseStatus(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 12, bytes.starts(with: Array("HTTP/".utf8)), let space = bytes.firstIndex(of: UInt8(ascii: " ")),
              space + 3 < bytes.count else { return nil }
        var code = 0
        for byte in bytes[(space + 1)...(space + 3)] {
            guard ASCII.isDigit(byte) else { return nil }
            code = code * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return code
    }
}
