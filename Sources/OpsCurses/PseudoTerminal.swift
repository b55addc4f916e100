#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair, the master held as a terminal emulator holds it: for tests that drive
/// `CursesTerminal` on a real terminal device and for the benchmark that counts the bytes a
/// frame sends.
public final class PseudoTerminal: Sendable {
    public let master: Int32
    public let slave: Int32

    public struct Failed: Error {}

    public init(columns: Int, rows: Int) throws {
        // posix_openpt and friends are hidden from Swift's Glibc (they need _XOPEN_SOURCE), so
        // this is what they do on Linux: open the multiplexer, unlock, ask the slave's number.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failed() }
        var unlock: Int32 = 0, number: UInt32 = 0
        guard ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            close(master)
            throw Failed()
        }
        slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw Failed() }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        resize(columns: columns, rows: rows)
    }

    /// TIOCSPTLCK and TIOCGPTN (`_IOW('T', 0x31, int)`, `_IOR('T', 0x30, unsigned int)`):
    /// macro expressions Swift cannot import.
    static let setLock: UInt = 0x4004_5431
    static let getNumber: UInt = 0x8004_5430

    deinit {
        close(slave)
        close(master)
    }

    public func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    public func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads whatever is waiting on the master side within `timeout`; returns the byte count.
    /// Keeps the pseudo-terminal's buffer from filling, which would block the writer.
    public func drain(timeout: Duration = .milliseconds(50)) -> Int {
        var total = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, total == 0 ? milliseconds : 0) > 0 {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            total += count
        }
        return total
    }

    /// What the terminal wrote until `expected` appears or 3 seconds pass.
    public func read(until expected: String) -> String {
        var collected: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = ContinuousClock.now.advanced(by: .seconds(3))
        while ContinuousClock.now < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            if count > 0 { collected += buffer[..<count] }
            if String(decoding: collected, as: UTF8.self).contains(expected) { break }
        }
        return String(decoding: collected, as: UTF8.self)
    }
}
