#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `/proc` says about a process on this machine: enough to tell whether the process that
/// wrote a lock file still runs, or whether its pid now belongs to someone else.
enum ProcessFacts {
    struct Stat: Equatable {
        /// `R`, `S`, `Z`...
        var state: UInt8
        /// Clock ticks after boot at which the process started.
        var startTicks: UInt64
    }

    /// This boot of this machine, nil where `/proc` does not say.
    static let bootID: String? = {
        let fd = open("/proc/sys/kernel/random/boot_id", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let bytes = StateFiles.readAll(fd, limit: 128) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingASCIIWhitespace()
        return text.isEmpty ? nil : text
    }()

    /// The state and start time of `pid`, nil when there is no such process.
    static func stat(of pid: Int32) -> Stat? {
        guard pid > 0 else { return nil }
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let bytes = StateFiles.readAll(fd, limit: 4096) else { return nil }
        return parse(bytes[...])
    }

    /// `pid (comm) S ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    /// cutime cstime priority nice threads itrealvalue starttime …`: the name may hold spaces and `)`,
    /// so fields are counted from the last `)`; `starttime` is the 20th field after it.
    static func parse(_ line: ArraySlice<UInt8>) -> Stat? {
        guard let close = line.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = line[(close + 1)...].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        guard fields.count >= 20, let state = fields[0].first,
              let start = UInt64(String(decoding: fields[19], as: UTF8.self)) else { return nil }
        return Stat(state: state, startTicks: start)
    }

    /// Whether a process that started at `startTicks` (when known) still runs as `pid`; nil when it
    /// does, else why not, in words for the journal.
    static func whyGone(pid: Int32, startTicks: UInt64?) -> String? {
        guard let stat = stat(of: pid) else {
            // No /proc entry; where there is no /proc at all, ask the kernel directly.
            if access("/proc/self/stat", F_OK) != 0, kill(pid, 0) == 0 || errno == EPERM { return nil }
            return "process \(pid) is gone"
        }
        if stat.state == UInt8(ascii: "Z") { return "process \(pid) has exited" }
        if let startTicks, stat.startTicks != startTicks {
            return "process \(pid) is another program now (its pid was reused)"
        }
        return nil
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        while start < end, ASCII.isWhitespace(bytes[start]) { start += 1 }
        while end > start, ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
