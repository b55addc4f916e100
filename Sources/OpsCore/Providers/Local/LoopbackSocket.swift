#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few TCP socket calls the local provider needs, on 127.0.0.1 only: a listener for a front
/// port, a connection to an instance, and a free port for a new instance. Every descriptor is
/// close-on-exec, so the instances the supervisor spawns never inherit one.
enum LoopbackSocket {
    /// A listening socket on 127.0.0.1:`port` (0: any free port); the descriptor or the errno.
    static func listen(port: Int, backlog: Int32 = 64) -> Result<Int32, Errno> {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failure(Errno(errno)) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = loopbackAddress(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            return .failure(Errno(code))
        }
        return .success(fd)
    }

    /// A connected socket to 127.0.0.1:`port`, reads and writes limited to `timeoutMilliseconds`
    /// each (0: no limit); nil when nothing listens there.
    static func connect(port: Int, timeoutMilliseconds: Int = 0) -> Int32? {
        guard (1...65535).contains(port) else { return nil }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        if timeoutMilliseconds > 0 {
            var limit = timeval(tv_sec: timeoutMilliseconds / 1000, tv_usec: (timeoutMilliseconds % 1000) * 1000)
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        }
        var address = loopbackAddress(port: port)
        // A connection on loopback is accepted or refused at once, so a blocking connect is quick.
        while true {
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if result == 0 { return fd }
            if errno == EINTR { continue }
            close(fd)
            return nil
        }
    }

    /// The port a listening socket is bound to.
    static func boundPort(of fd: Int32) -> Int? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A port free on 127.0.0.1 right now, as the kernel picks one. Another program could take it
    /// before it is used; an instance that cannot bind it fails its readiness wait, which says so.
    static func freePort() -> Int? {
        guard case .success(let fd) = listen(port: 0) else { return nil }
        defer { close(fd) }
        return boundPort(of: fd)
    }

    /// Writes every byte; false when the peer is gone.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            guard let base = buffer.baseAddress else { return false }
            let written = send(fd, base + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            if written == 0 { return false }
            offset += written
        }
        return true
    }

    private static func loopbackAddress(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

/// Ports free on 127.0.0.1, for configurations made on the spot (`opsdeck demo`, tests).
public enum LoopbackPorts {
    /// `count` different free ports (every socket is held until all are picked, so the kernel
    /// hands out different ones); nil when the machine has none to give.
    public static func free(count: Int) -> [Int]? {
        var listeners: [Int32] = []
        defer { for fd in listeners { close(fd) } }
        var ports: [Int] = []
        for _ in 0..<max(0, count) {
            guard case .success(let fd) = LoopbackSocket.listen(port: 0) else { return nil }
            listeners.append(fd)
            guard let port = LoopbackSocket.boundPort(of: fd) else { return nil }
            ports.append(port)
        }
        return ports
    }
}
