import Foundation
import Synchronization
@testable import OpsCore

/// Shared pieces of the journal, lock and executor tests.
enum ActionTestSupport {
    static let alice = ActionOperator(user: "alice", host: "ops1", client: "10.0.0.7", pid: 4242)
    static let api = ServiceKey(service: "api", environment: "production")

    /// A fresh folder under the temporary directory; remove it with `ProcessTestSupport.cleanUp`.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-actions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// 2026-11-28T10:00:00Z plus `seconds`.
    static func time(_ seconds: Int64 = 0) -> LogTimestamp {
        LogTimestamp(secondsSinceEpoch: 1_795_860_000 + seconds)
    }

    static func entry(_ phase: JournalEntry.Phase, id: String = "a1", at seconds: Int64 = 0,
                      key: ServiceKey = api, step: JournalEntry.Step? = nil, outcome: JournalEntry.Outcome? = nil,
                      actor: ActionOperator = alice) -> JournalEntry {
        JournalEntry(id: id, time: time(seconds), phase: phase, actor: actor, key: key, kind: .deploy,
                     from: .init(version: "1.4.1"), to: .init(version: "1.4.2", digest: "sha256:abc"), step: step,
                     outcome: outcome)
    }

    static func step(_ index: Int, of count: Int = 2, _ argv: [String] = ["docker", "ps"]) -> JournalEntry.Step {
        JournalEntry.Step(index: index, count: count, summary: "step \(index + 1)", argv: argv)
    }

    static func text(of url: URL) -> String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }

    /// A clock for journal lines that moves one second per reading, so every line has its own time.
    static func tickingClock() -> @Sendable () -> LogTimestamp {
        let ticks = Mutex<Int64>(0)
        return {
            let tick = ticks.withLock { value -> Int64 in
                value += 1
                return value
            }
            return time(tick)
        }
    }
}

/// Progress events collected across threads.
final class CollectedProgress: Sendable {
    private let storage = Mutex<[ActionProgress]>([])

    var all: [ActionProgress] { storage.withLock { $0 } }

    var record: @Sendable (ActionProgress) -> Void {
        { [self] event in storage.withLock { $0.append(event) } }
    }

    var outputLines: [String] {
        all.compactMap { event in
            if case .output(_, let line) = event { return line }
            return nil
        }
    }

    var startedSteps: [Int] {
        all.compactMap { event in
            if case .stepStarted(let index, _, _, _) = event { return index }
            return nil
        }
    }
}

/// A value shared between test tasks.
final class Shared<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) { storage = Mutex(value) }

    var value: Value { storage.withLock { $0 } }

    func update(_ change: (inout Value) -> Void) { storage.withLock { change(&$0) } }
}
