import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a local stack: starts every local service at its configured version, serves each front
/// port, starts the instances deploys ask for, reaps every instance it started, and stops them all
/// when it stops. `opsdeck local up` and `opsdeck demo` run one; there is at most one per state
/// folder (`supervisor.json`).
public final class LocalSupervisor: @unchecked Sendable {
    public struct Settings: Sendable {
        public var readyTimeout: Duration
        public var stopGrace: Duration

        public init(readyTimeout: Duration = .seconds(60), stopGrace: Duration = .seconds(10)) {
            self.readyTimeout = readyTimeout
            self.stopGrace = stopGrace
        }
    }

    /// How one service's first instance fared.
    public struct Started: Sendable {
        public var key: ServiceKey
        public var instance: LocalInstance?
        /// Why it is not serving, when it is not.
        public var problem: String?
    }

    public let store: LocalStateStore
    public let targets: [ServiceKey: LocalTarget]
    public let settings: Settings
    private let keys: [ServiceKey]
    private let lock = NSLock()
    private var forwarders: [LocalForwarder] = []
    /// Every process this supervisor started and has not reaped yet.
    private var children: [Int32: (key: ServiceKey, id: String)] = [:]
    private var stopping = false
    private var loopRunning = false
    private let loopEnded = NSCondition()

    /// `targets` must share `store`'s state folder.
    public init(store: LocalStateStore, targets: [ServiceKey: LocalTarget], settings: Settings = Settings()) {
        self.store = store
        self.targets = targets
        self.settings = settings
        self.keys = targets.keys.sorted()
    }

    /// The supervisor of every local target of `config`, by state folder (targets normally share
    /// one; each folder gets its own supervisor).
    public static func supervisors(for config: OpsdeckConfig, opsdeckStateFolder: String, settings: Settings = Settings())
        -> [LocalSupervisor] {
        var byRoot: [String: [ServiceKey: LocalTarget]] = [:]
        for service in config.services {
            for (environment, target) in service.targets {
                guard case .local(let local) = target else { continue }
                let layout = LocalStateLayout(target: local, opsdeckStateFolder: opsdeckStateFolder)
                byRoot[layout.root, default: [:]][ServiceKey(service: service.name, environment: environment)] = local
            }
        }
        return byRoot.keys.sorted().map { root in
            LocalSupervisor(store: LocalStateStore(layout: LocalStateLayout(root: root)), targets: byRoot[root] ?? [:],
                            settings: settings)
        }
    }

    // MARK: Starting

    /// Claims the state folder, clears what a previous run left, binds every front port (a port
    /// in use stops everything here, before any instance starts), then starts every service at its
    /// configured version, all at once, each waiting for its ready path.
    public func start() throws(LocalProviderError) -> [Started] {
        if let other = store.runningSupervisor(), other.pid != getpid() {
            throw .supervisorRunning(pid: other.pid, stateFolder: store.layout.root)
        }
        try store.writeSupervisor(.current(now: LocalClock.now()))
        for key in keys { clearLeftovers(of: key) }
        var bound: [LocalForwarder] = []
        for key in keys {
            guard let target = targets[key] else { continue }
            let store = self.store
            do {
                bound.append(try LocalForwarder(port: target.port) { store.live(of: key)?.port })
            } catch {
                for forwarder in bound { forwarder.stop() }
                store.remove(store.layout.supervisorFile)
                throw error
            }
        }
        lock.withLock { forwarders = bound }
        for forwarder in bound { forwarder.start() }
        startLoop()
        let results = LockedBox<[ServiceKey: Started]>([:])
        DispatchQueue.concurrentPerform(iterations: keys.count) { index in
            let key = keys[index]
            let started = startFirstInstance(of: key)
            results.mutate { $0[key] = started }
        }
        return keys.compactMap { results.value[$0] }
    }

    /// Instances a previous supervisor left running (it was killed) are stopped; their records,
    /// the live pointer and unanswered requests go, so the stack starts clean.
    private func clearLeftovers(of key: ServiceKey) {
        for instance in store.instances(of: key) {
            if instance.isRunning { _ = LocalSteps.terminate(instance, grace: settings.stopGrace) }
        }
        // Every file of the instances folder goes, exit statuses left behind by a stop included.
        let folder = store.layout.instancesFolder(key)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            store.remove(StatePaths.joined(folder, name))
        }
        for id in store.pendingRequests(of: key) { store.remove(store.layout.requestFile(key, id: id)) }
        store.remove(store.layout.liveFile(key))
    }

    private func startFirstInstance(of key: ServiceKey) -> Started {
        guard let target = targets[key] else { return Started(key: key, problem: "not configured") }
        let id = LocalDeployer.newInstanceID(version: target.version)
        let request = LocalStartRequest(id: id, version: target.version, argv: target.argv(version: target.version),
                                        environment: target.environment, directory: target.directory)
        let steps = LocalSteps(store: store, key: key)
        switch spawn(request, of: key) {
        case .failure(let error):
            return Started(key: key, problem: error.description)
        case .success:
            break
        }
        switch steps.waitReady(id: id, path: target.readyPath, timeout: settings.readyTimeout) {
        case .done:
            break
        case .failed(let words), .timedOut(let words):
            _ = steps.stop(id: id, grace: settings.stopGrace, recordFailure: true, cause: "start")
            return Started(key: key, problem: "version \(target.version) did not become ready: \(words)")
        }
        if case .failed(let words) = steps.switchTo(id: id, cause: "start") {
            return Started(key: key, instance: store.instance(of: key, id: id), problem: words)
        }
        return Started(key: key, instance: store.instance(of: key, id: id))
    }

    /// Starts `request`'s process on a free port and records the instance.
    private func spawn(_ request: LocalStartRequest, of key: ServiceKey) -> Result<LocalInstance, LocalProviderError> {
        guard LocalStateLayout.isInstanceID(request.id) else { return .failure(.cannotStart("\(request.id) is not an instance id")) }
        guard let port = LoopbackSocket.freePort() else { return .failure(.cannotStart("no free port on 127.0.0.1")) }
        let argv = request.argv.map { $0.replacingOccurrences(of: "{port}", with: String(port)) }
        var environment = request.environment
        environment["PORT"] = String(port)
        environment["VERSION"] = request.version
        // Held while spawning, so the loop cannot reap the pid before it is known as a child.
        return lock.withLock { () -> Result<LocalInstance, LocalProviderError> in
            switch LocalProcessSpawner.spawn(argv: argv, environment: environment, directory: request.directory,
                                             logFile: store.layout.logFile(key, id: request.id)) {
            case .failure(let error):
                return .failure(error)
            case .success(let pid):
                children[pid] = (key, request.id)
                let instance = LocalInstance(id: request.id, version: request.version, port: port, pid: pid,
                                             startTicks: ProcessFacts.stat(of: pid)?.startTicks, started: LocalClock.now())
                do throws(LocalProviderError) {
                    try store.write(instance, of: key)
                } catch {
                    kill(-pid, SIGKILL)
                    return .failure(error)
                }
                return .success(instance)
            }
        }
    }

    // MARK: The loop

    private func startLoop() {
        loopEnded.lock()
        loopRunning = true
        loopEnded.unlock()
        Thread.detachNewThread { [self] in
            while !(lock.withLock { stopping }) {
                serveRequests()
                reap()
                LocalClock.pause()
            }
            loopEnded.lock()
            loopRunning = false
            loopEnded.broadcast()
            loopEnded.unlock()
        }
    }

    /// Starts the instances deploy steps asked for; a failure is written where the step waits for it.
    private func serveRequests() {
        for key in keys {
            for id in store.pendingRequests(of: key) {
                let path = store.layout.requestFile(key, id: id)
                guard let request = store.request(of: key, id: id), request.id == id else {
                    try? store.writeRequestError("the request for \(id) cannot be read", of: key, id: id)
                    store.remove(path)
                    continue
                }
                if case .failure(let error) = spawn(request, of: key) {
                    try? store.writeRequestError(error.description, of: key, id: id)
                }
                store.remove(path)
            }
        }
    }

    /// Collects the exit of every child that ended (only its own children, by pid: the processes
    /// a command runner waits for are never touched) and records it on the instance.
    private func reap() {
        let pids = lock.withLock { Array(children.keys) }
        for pid in pids {
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { continue }
            guard let child = lock.withLock({ children.removeValue(forKey: pid) }) else { continue }
            let exited = status & 0x7F == 0
            // Best effort: without it the listing still sees the process gone, only not its status.
            try? store.writeExit(exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), of: child.key, id: child.id)
        }
    }

    // MARK: Stopping

    /// Stops the front ports, then every instance (its own children and any other recorded one
    /// still running, each by pid and start time): SIGTERM, SIGKILL after the grace; reaps them,
    /// and removes the records, the live pointers and `supervisor.json`. The history stays.
    public func stop() {
        let (running, ports) = lock.withLock { () -> (Bool, [LocalForwarder]) in
            let wasStopping = stopping
            stopping = true
            return (!wasStopping, forwarders)
        }
        guard running else { return }
        for forwarder in ports { forwarder.stop() }
        loopEnded.lock()
        while loopRunning { loopEnded.wait() }
        loopEnded.unlock()
        let instances = keys.flatMap { key in store.instances(of: key).map { (key, $0) } }
        let group = DispatchGroup()
        for (_, instance) in instances where instance.isRunning {
            DispatchQueue.global().async(group: group) { [settings] in
                _ = LocalSteps.terminate(instance, grace: settings.stopGrace)
            }
        }
        group.wait()
        reapAll()
        for (key, instance) in instances { store.removeInstance(of: key, id: instance.id) }
        for key in keys {
            store.remove(store.layout.liveFile(key))
            for id in store.pendingRequests(of: key) { store.remove(store.layout.requestFile(key, id: id)) }
        }
        if store.supervisor()?.pid == getpid() { store.remove(store.layout.supervisorFile) }
    }

    /// The pids of the children not reaped yet (for tests and the demo's own check).
    public var childPIDs: [Int32] { lock.withLock { Array(children.keys).sorted() } }

    /// Waits for every child: they were all signalled, and a killed one ends at once.
    private func reapAll() {
        let pids = lock.withLock { Array(children.keys) }
        for pid in pids {
            var status: Int32 = 0
            let deadline = LocalClock.deadline(after: .seconds(5))
            while waitpid(pid, &status, WNOHANG) == 0 {
                if ContinuousClock.now >= deadline {
                    kill(pid, SIGKILL)
                    _ = waitpid(pid, &status, 0)
                    break
                }
                LocalClock.pause()
            }
            _ = lock.withLock { children.removeValue(forKey: pid) }
        }
    }
}

/// A value shared between the threads of `concurrentPerform`.
final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
