import Foundation
import Synchronization
@testable import OpsCore

/// Hook scripts written into a fresh folder, and the outcomes a queue reports.
struct HookFolder {
    let url: URL

    init() throws { url = try ProcessTestSupport.temporaryDirectory() }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes an executable `/bin/sh` script; returns its path.
    func script(_ name: String, _ body: String) throws -> String {
        let path = path(name)
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func text(_ name: String) -> String { (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? "" }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    func remove() { ProcessTestSupport.cleanUp(url) }

    /// The variables a recording script wrote with `env -0`, only opsdeck's (not the test run's own
    /// `OPSDECK_TEST_…`, which every child inherits).
    func recordedEnvironment(_ name: String) -> [String: String] {
        var variables: [String: String] = [:]
        for entry in text(name).split(separator: "\0") where entry.hasPrefix("OPSDECK_") && !entry.hasPrefix("OPSDECK_TEST_") {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            variables[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        return variables
    }
}

/// Outcomes reported by a queue, in the order they came.
final class ReportedOutcomes: Sendable {
    private let storage = Mutex<[(alert: Alert, outcome: AlertHookOutcome)]>([])

    var all: [(alert: Alert, outcome: AlertHookOutcome)] { storage.withLock { $0 } }
    var count: Int { storage.withLock { $0.count } }

    var report: @Sendable (Alert, AlertHookOutcome) -> Void {
        { [self] alert, outcome in storage.withLock { $0.append((alert, outcome)) } }
    }
}

/// A runner whose commands wait until the test lets them go: a hook that takes as long as the test
/// needs, without a real process or a sleep.
final class HeldHookRunner: CommandRunner, Sendable {
    private struct State {
        var started: [Command] = []
        var released = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    var started: [Command] { state.withLock { $0.started } }

    /// Lets the next waiting (or next started) command finish with exit 0.
    func releaseOne() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.released += 1
            return state.waiters.isEmpty ? nil : state.waiters.removeFirst()
        }
        waiter?.resume()
    }

    func run(_ command: Command) async throws -> CommandResult {
        await withCheckedContinuation { continuation in
            let goNow = state.withLock { state -> Bool in
                state.started.append(command)
                if state.released >= state.started.count { return true }
                state.waiters.append(continuation)
                return false
            }
            if goNow { continuation.resume() }
        }
        return CommandResult(termination: .exited(0))
    }

    func stream(_ command: Command, onLine: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) async throws
        -> CommandResult {
        try await run(command)
    }
}

enum AlertSamples {
    static let at = Date(timeIntervalSince1970: 1_795_860_000.123)

    static func probe(_ name: String = "health", service: String = "api", environment: String? = "production",
                      _ transition: Alert.Transition = .raised, reason: String? = "status 503, expected 200-299") -> Alert {
        Alert(subject: .probe(ProbeID(service: service, environment: environment, name: name)), transition: transition,
              state: transition == .raised ? "failing" : "ok", reason: transition == .raised ? reason : nil, at: at)
    }

    static func probe(_ transition: Alert.Transition) -> Alert { probe("health", transition) }

    static func metric(_ transition: Alert.Transition = .raised) -> Alert {
        Alert(subject: .metric(service: "api", environment: "production", name: "error_rate"), transition: transition,
              state: transition == .raised ? "critical" : "ok", reason: "above 0.05", value: "0.12", at: at)
    }
}
