import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What each step of a local deploy does (`opsdeck local-step start|wait|switch|stop`), against
/// the state folder; the supervisor's own start of a service uses the same wait.
public struct LocalSteps: Sendable {
    public let store: LocalStateStore
    public let key: ServiceKey

    public init(store: LocalStateStore, key: ServiceKey) {
        self.store = store
        self.key = key
    }

    public enum Ending: Hashable, Sendable {
        case done(String)
        case failed(String)
        case timedOut(String)
    }

    // MARK: start

    /// Asks the running supervisor to start `request` and waits until it has (its instance record
    /// appears) or says why not.
    public func start(_ request: LocalStartRequest, timeout: Duration) -> Ending {
        guard store.runningSupervisor() != nil else { return .failed(LocalProviderError.noSupervisor(stateFolder: store.layout.root).description) }
        if store.instance(of: key, id: request.id) != nil { return .failed("instance \(request.id) exists already") }
        do {
            try store.writeRequest(request, of: key)
        } catch {
            return .failed(error.description)
        }
        let deadline = LocalClock.deadline(after: timeout)
        while true {
            if let instance = store.instance(of: key, id: request.id) {
                return .done("started \(instance.id) (pid \(instance.pid)) on 127.0.0.1:\(instance.port)")
            }
            if let error = store.requestError(of: key, id: request.id) {
                store.remove(store.layout.requestErrorFile(key, id: request.id))
                return .failed(error)
            }
            if store.runningSupervisor() == nil {
                store.remove(store.layout.requestFile(key, id: request.id))
                return .failed("opsdeck local up stopped before it started the instance")
            }
            if ContinuousClock.now >= deadline {
                store.remove(store.layout.requestFile(key, id: request.id))
                return .timedOut("the supervisor did not start the instance in time")
            }
            LocalClock.pause()
        }
    }

    // MARK: wait

    /// Waits until GET `path` on the instance's own port answers 2xx; fails as soon as the
    /// instance has ended.
    public func waitReady(id: String, path: String, timeout: Duration) -> Ending {
        let deadline = LocalClock.deadline(after: timeout)
        var last = "no answer yet"
        while true {
            guard let instance = store.instance(of: key, id: id) else { return .failed("instance \(id) is not running") }
            guard instance.isRunning else {
                let status = instance.exitStatus.map { " (exit status \($0))" } ?? ""
                return .failed("instance \(id) ended\(status) before it was ready; see \(store.layout.logFile(key, id: id))")
            }
            if let code = LoopbackHTTP.status(port: instance.port, path: path, timeoutMilliseconds: 1000) {
                if (200..<300).contains(code) { return .done("ready: GET \(path) answered \(code)") }
                last = "GET \(path) answered \(code)"
            }
            if ContinuousClock.now >= deadline { return .timedOut(last) }
            LocalClock.pause(.milliseconds(100))
        }
    }

    // MARK: switch

    /// Makes `id` the instance the front port forwards to, and records it in the history.
    public func switchTo(id: String, cause: String) -> Ending {
        guard let instance = store.instance(of: key, id: id), instance.isRunning else {
            return .failed("instance \(id) is not running: the front port stays where it is")
        }
        let now = LocalClock.now()
        do {
            try store.writeLive(LocalLive(instance: id, version: instance.version, port: instance.port, since: now), of: key)
            try store.appendHistory(LocalHistoryEntry(time: now, version: instance.version, instance: id, outcome: .live,
                                                      cause: cause), of: key)
        } catch {
            return .failed(error.description)
        }
        return .done("127.0.0.1 front port now forwards to \(id) (version \(instance.version), port \(instance.port))")
    }

    // MARK: stop

    /// Stops the instance (SIGTERM to its process group, SIGKILL after `grace`) and forgets it.
    /// `recordFailure`: the version is written to the history as failed (a deploy that did not
    /// become ready). An instance that is already gone is no failure.
    public func stop(id: String, grace: Duration, recordFailure: Bool, cause: String) -> Ending {
        let instance = store.instance(of: key, id: id)
        var words = "instance \(id) was not running"
        if let instance, instance.isRunning {
            words = Self.terminate(instance, grace: grace)
        }
        store.removeInstance(of: key, id: id)
        store.remove(store.layout.requestFile(key, id: id))
        if recordFailure {
            let version = instance?.version ?? store.request(of: key, id: id)?.version ?? id
            do {
                try store.appendHistory(LocalHistoryEntry(time: LocalClock.now(), version: version, instance: id, outcome: .failed,
                                                          cause: cause), of: key)
            } catch {
                return .failed(error.description)
            }
        }
        return .done(words)
    }

    /// SIGTERM, then SIGKILL after `grace`; returns what happened in words.
    static func terminate(_ instance: LocalInstance, grace: Duration) -> String {
        func gone() -> Bool { ProcessFacts.whyGone(pid: instance.pid, startTicks: instance.startTicks) != nil }
        // The instance leads its own session, so its group is its pid: helpers it started go too.
        if kill(-instance.pid, SIGTERM) != 0 { kill(instance.pid, SIGTERM) }
        let deadline = LocalClock.deadline(after: grace)
        while !gone() && ContinuousClock.now < deadline { LocalClock.pause() }
        if gone() { return "stopped \(instance.id) (pid \(instance.pid))" }
        if kill(-instance.pid, SIGKILL) != 0 { kill(instance.pid, SIGKILL) }
        let killDeadline = LocalClock.deadline(after: .seconds(5))
        while !gone() && ContinuousClock.now < killDeadline { LocalClock.pause() }
        return "killed \(instance.id) (pid \(instance.pid)) after \(ConfigDuration.format(grace))"
    }
}
