#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ends a child's whole process group, and watches a child end, without reaping it.
///
/// Every child runs in its own session, so its process group id is its pid and holds its descendants
/// (a `kubectl` plugin, a `sh -c` pipeline) unless they start sessions of their own. Why not just the
/// spawn library's teardown: it stops as soon as the direct child exits, so a grandchild that ignores
/// SIGTERM would outlive it. All of this runs while the direct child is not yet reaped, so its pid,
/// which is the group id, cannot have been reused: a signal to `-pgid` reaches only that group.
enum ProcessGroupTerminator {
    /// How often a group is checked for survivors between SIGTERM and SIGKILL.
    static let survivorCheckInterval: Duration = .milliseconds(5)

    /// Sends SIGTERM to the group, waits up to `grace` for every member to end, then sends SIGKILL if
    /// any is left. Runs to the end even when the calling task is cancelled.
    static func terminate(group processGroup: pid_t, grace: Duration) async {
        guard processGroup > 1 else { return }  // never `kill(-1)` or `kill(0)`: that is everyone, or us
        await Task {
            _ = kill(-processGroup, SIGTERM)
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: grace)
            while clock.now < deadline {
                if !hasLiveMembers(group: processGroup) { return }
                try? await Task.sleep(for: survivorCheckInterval)
            }
            if hasLiveMembers(group: processGroup) { _ = kill(-processGroup, SIGKILL) }
        }.value
    }

    /// Returns once the child `pid` has exited (it stays a zombie for the spawn library to reap).
    /// Polls, backing off to 25 ms: it is only asked once the child has closed its output, which it
    /// almost always does by exiting. Throws `CancellationError` when the task is cancelled.
    static func waitForExit(of pid: pid_t) async throws {
        var pause = Duration.milliseconds(1)
        while !hasExited(pid) {
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(25))
        }
    }

    /// Whether the child `pid` has exited, leaving it waitable (`WNOWAIT`).
    static func hasExited(_ pid: pid_t) -> Bool {
        while true {
            var info = siginfo_t()
            if waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 {
                // With WNOHANG and nothing to report, Linux leaves the zeroed `siginfo_t` untouched.
                return info.si_signo != 0
            }
            if errno == EINTR { continue }
            return true  // ECHILD: not (or no longer) our child, so nothing is left to wait for
        }
    }

    /// Whether any process of the group is still running (zombies do not count: they hold no pipe and
    /// run no code, and orphaned ones wait for PID 1 to reap them).
    static func hasLiveMembers(group processGroup: pid_t) -> Bool {
        #if os(Linux)
        return ProcStat.anyLiveProcess(inGroup: processGroup)
        #else
        return kill(-processGroup, 0) == 0
        #endif
    }
}

#if os(Linux)
/// Reads `/proc/PID/stat` lines: enough to tell a process's state and group.
enum ProcStat {
    struct Entry: Equatable {
        var state: UInt8
        var processGroup: pid_t
    }

    static func anyLiveProcess(inGroup processGroup: pid_t) -> Bool {
        guard let directory = opendir("/proc") else { return kill(-processGroup, 0) == 0 }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = pid_t(name), let entry = entry(of: pid) else { continue }
            if entry.processGroup == processGroup && entry.state != UInt8(ascii: "Z") { return true }
        }
        return false
    }

    /// The state and group of `pid`, or nil when it does not exist (or ended while being read).
    static func entry(of pid: pid_t) -> Entry? {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 1024)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return parse(bytes[0..<count])
    }

    /// `pid (comm) S ppid pgrp ...`: the command name may hold spaces and `)`, so fields are counted
    /// from the last `)`.
    static func parse(_ line: ArraySlice<UInt8>) -> Entry? {
        guard let close = line.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = line[(close + 1)...].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        guard fields.count >= 3, let state = fields[0].first,
              let group = pid_t(String(decoding: fields[2], as: UTF8.self)) else { return nil }
        return Entry(state: state, processGroup: group)
    }
}
#endif
