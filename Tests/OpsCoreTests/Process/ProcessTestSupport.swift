import Foundation
import Synchronization
import Testing
@testable import OpsCore

/// Helpers for tests that run real processes.
enum ProcessTestSupport {
    /// The deadline of commands that are meant to finish: only a hang should ever reach it, even when
    /// the whole test run keeps both cores busy for half a minute.
    static let generousTimeout: Duration = .seconds(120)

    /// Polls `condition` every 10 ms until it holds or `limit` passes; returns whether it held. The
    /// condition is always checked once more after a late wake-up, so a busy machine cannot fail it.
    static func eventually(within limit: Duration = .seconds(120), _ condition: () -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        while true {
            if condition() { return true }
            if clock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// `(state, pgrp)` from `/proc/PID/stat`, nil when the process does not exist. Written apart from
    /// the runner's own reader so the tests do not check the runner with itself.
    static func stat(_ pid: Int32) -> (state: Character, group: Int32)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count >= 3, let state = fields[0].first, let group = Int32(fields[2]) else { return nil }
        return (state, group)
    }

    /// Gone, or a zombie waiting for a parent (PID 1 here may never reap orphans).
    static func isGone(_ pid: Int32) -> Bool {
        guard let entry = stat(pid) else { return true }
        return entry.state == "Z"
    }

    /// Pids of running (non-zombie) processes in `group`.
    static func liveMembers(ofGroup group: Int32) -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(Int32.init).filter { pid in
            guard let entry = stat(pid) else { return false }
            return entry.group == group && entry.state != "Z"
        }
    }

    /// A fresh directory under the temporary directory, removed by `cleanUp`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func cleanUp(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// Pids a shell wrote to `file`, one a line.
    static func pids(in file: URL) -> [Int32] {
        ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { Int32($0) }
    }

    /// Ends a process a test started on purpose outside the runner's reach.
    static func kill(_ pid: Int32) { _ = Foundation.kill(pid, SIGKILL) }
}

/// Lines handed to `onLine`, collected across threads.
final class CollectedLines: Sendable {
    private let storage = Mutex<[String]>([])

    var all: [String] { storage.withLock { $0 } }
    var count: Int { storage.withLock { $0.count } }

    var onLine: @Sendable (UnsafeBufferPointer<UInt8>) -> Void {
        { [self] line in
            let text = String(decoding: line, as: UTF8.self)
            storage.withLock { $0.append(text) }
        }
    }
}
