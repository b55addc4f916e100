import Foundation
import Glibc
import Synchronization

/// Samples a running child's `VmHWM` (the high-water mark of its own address space) from
/// /proc/PID/status on a background thread.
///
/// Why: `posix_spawn` starts children with `CLONE_VM`, and at `exec` Linux records the old
/// address space's high-water mark (the bench's own) into the child's `ru_maxrss`. So `wait4`
/// reports max(bench's RSS, child's peak): exact when the child outgrew the bench, only an upper
/// bound otherwise. The sample covers the second case; it can miss growth in the last sampling
/// interval before the child exits (1 ms for the first 100 ms, then 5 ms).
final class PeakRSSSampler: Sendable {
    private let peakKilobytes = Atomic<Int>(0)
    private let stopRequested = Atomic<Bool>(false)
    private let stopped = Atomic<Bool>(false)

    /// Starts sampling `pid`, which must already have called `exec` (`posix_spawn` returns after it).
    init(pid: pid_t) {
        let fd = open("/proc/\(pid)/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            stopped.store(true, ordering: .releasing)
            return
        }
        let thread = Thread { [self] in
            sample(fd)
            close(fd)
            stopped.store(true, ordering: .releasing)
        }
        thread.start()
    }

    /// Stops sampling and returns the highest `VmHWM` seen, in bytes (0 if none was read).
    func finish() -> Int {
        stopRequested.store(true, ordering: .releasing)
        while !stopped.load(ordering: .acquiring) { usleep(100) }
        return peakKilobytes.load(ordering: .acquiring) * 1024
    }

    private func sample(_ fd: Int32) {
        let started = MonotonicClock.now()
        while !stopRequested.load(ordering: .acquiring) {
            guard let kilobytes = ProcStatus.highWaterKilobytes(fd: fd) else { return }   // process gone
            if kilobytes > peakKilobytes.load(ordering: .relaxed) { peakKilobytes.store(kilobytes, ordering: .releasing) }
            usleep(MonotonicClock.seconds(since: started) < 0.1 ? 1_000 : 5_000)
        }
    }
}

/// `VmHWM` from a /proc/PID/status file.
enum ProcStatus {
    /// Reads the open status file from its start; nil when it cannot be read or has no `VmHWM`
    /// (a process that has exited has no memory lines).
    static func highWaterKilobytes(fd: Int32) -> Int? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { buffer -> Int? in
            let count = pread(fd, buffer.baseAddress, buffer.count, 0)
            guard count > 0 else { return nil }
            return parseHighWater(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// The bench's own `VmHWM` in bytes.
    static func ownHighWaterBytes() -> Int {
        let fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        return (highWaterKilobytes(fd: fd) ?? 0) * 1024
    }

    /// The number after `VmHWM:` (kilobytes).
    static func parseHighWater(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        let key = Array("VmHWM:".utf8)
        var index = 0
        while index + key.count <= text.count {
            if text[index] == key[0] && Array(text[index..<index + key.count]) == key {
                var cursor = index + key.count
                while cursor < text.count && (text[cursor] == 0x20 || text[cursor] == 0x09) { cursor += 1 }
                var value = 0
                var digits = 0
                while cursor < text.count, text[cursor] >= 0x30, text[cursor] <= 0x39, digits < 18 {
                    value = value * 10 + Int(text[cursor] - 0x30)
                    cursor += 1
                    digits += 1
                }
                return digits > 0 ? value : nil
            }
            index += 1
        }
        return nil
    }
}
