import Foundation
import Testing
@testable import OpsCore

/// The state folder as files: records written whole and read back, the history appended, the
/// listing and release history built from them, and the deployer's planning from them.
@Suite struct LocalStateTests {
    static let key = ServiceKey(service: "api", environment: "staging")

    final class Folder {
        let root = NSTemporaryDirectory() + "opsdeck-local-state-\(UInt32.random(in: 0...UInt32.max))"
        var store: LocalStateStore { LocalStateStore(layout: LocalStateLayout(root: root)) }
        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func recordsRoundTrip() throws {
        let folder = Folder()
        let store = folder.store
        let instance = LocalInstance(id: "1.4.0-000001", version: "1.4.0", port: 40001, pid: 123, startTicks: 456, started: 789)
        try store.write(instance, of: Self.key)
        try store.writeLive(LocalLive(instance: instance.id, version: "1.4.0", port: 40001, since: 5), of: Self.key)
        #expect(store.instances(of: Self.key) == [instance])
        #expect(store.instance(of: Self.key, id: instance.id) == instance)
        #expect(store.live(of: Self.key)?.port == 40001)
        #expect(FileManager.default.fileExists(atPath: folder.root + "/api/staging/instances/1.4.0-000001.json"))
        let text = try String(contentsOfFile: folder.root + "/api/staging/instances/1.4.0-000001.json", encoding: .utf8)
        #expect(text == #"{"id":"1.4.0-000001","pid":123,"port":40001,"start_ticks":456,"started":789,"version":"1.4.0"}"#)
        try store.writeRequest(LocalStartRequest(id: "1.5.0-000002", version: "1.5.0", argv: ["x", "{port}"], environment: [:],
                                                 directory: nil), of: Self.key)
        #expect(store.pendingRequests(of: Self.key) == ["1.5.0-000002"])
        #expect(store.request(of: Self.key, id: "1.5.0-000002")?.argv == ["x", "{port}"])
        // The supervisor records an exit beside the record, and forgetting the instance removes both.
        try store.writeExit(3, of: Self.key, id: instance.id)
        #expect(store.instance(of: Self.key, id: instance.id)?.exitStatus == 3)
        #expect(store.instance(of: Self.key, id: instance.id)?.isRunning == false)
        store.removeInstance(of: Self.key, id: instance.id)
        #expect(store.instances(of: Self.key).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.root + "/api/staging/instances/1.4.0-000001.exit"))
        try store.write(instance, of: Self.key)
        // A damaged record is no record.
        try "{\"id\": 1".write(toFile: folder.root + "/api/staging/instances/bad.json", atomically: true, encoding: .utf8)
        #expect(store.instances(of: Self.key) == [instance])
    }

    @Test func historySkipsDamagedLines() throws {
        let folder = Folder()
        let store = folder.store
        try store.appendHistory(LocalHistoryEntry(time: 1, version: "1.4.0", instance: "a", outcome: .live, cause: "start"), of: Self.key)
        let handle = try #require(FileHandle(forWritingAtPath: folder.root + "/api/staging/history.jsonl"))
        handle.seekToEndOfFile()
        handle.write(Data("{\"time\": 2, \"vers\n".utf8))
        try handle.close()
        try store.appendHistory(LocalHistoryEntry(time: 3, version: "1.5.0", instance: "b", outcome: .failed, cause: "deploy"), of: Self.key)
        #expect(store.history(of: Self.key).map(\.instance) == ["a", "b"])
    }

    @Test func releasesFromHistory() throws {
        let history = [
            LocalHistoryEntry(time: 1, version: "1.4.0", instance: "a", outcome: .live, cause: "start"),
            LocalHistoryEntry(time: 2, version: "1.4.1", instance: "b", outcome: .live, cause: "deploy"),
            LocalHistoryEntry(time: 3, version: "1.5.0", instance: "c", outcome: .failed, cause: "deploy"),
            LocalHistoryEntry(time: 4, version: "1.5.0", instance: "d", outcome: .live, cause: "deploy"),
            LocalHistoryEntry(time: 5, version: "1.6.0", instance: "e", outcome: .live, cause: "deploy"),
            LocalHistoryEntry(time: 6, version: "1.6.0", instance: "e", outcome: .failed, cause: "deploy"),
        ]
        let live = LocalLive(instance: "d", version: "1.5.0", port: 1, since: 4)
        let releases = LocalSnapshotBuilder.releases(key: Self.key, history: history, live: live)
        #expect(releases.map(\.id) == ["e", "d", "c", "b", "a"])
        #expect(releases.map(\.status) == [.failed, .live, .failed, .superseded, .superseded])
        #expect(releases[1].image?.version == "1.5.0" && releases[1].note == "deploy")
        #expect(releases[1].createdAt == LogTimestamp(nanosecondsSinceEpoch: 4))
        // Rolling back goes to the newest older release that did not fail.
        #expect(try RollbackChoice.defaultRelease(in: releases).id == "b")
        #expect(try RollbackChoice.defaultRelease(in: releases, failedVersions: ["1.4.1"]).id == "a")
        #expect(try RollbackChoice.release(named: "1.4.0", in: releases).id == "a")
        #expect(throws: RollbackChoice.Problem.noLiveRelease) {
            try RollbackChoice.defaultRelease(in: LocalSnapshotBuilder.releases(key: Self.key, history: history, live: nil))
        }
    }

    @Test func snapshots() {
        let a = LocalInstance(id: "1.4.0-a", version: "1.4.0", port: 40001, pid: 10, startTicks: 1, started: 100)
        let b = LocalInstance(id: "1.5.0-b", version: "1.5.0", port: 40002, pid: 11, startTicks: 1, started: 200, exitStatus: 3)
        let live = LocalLive(instance: a.id, version: "1.4.0", port: 40001, since: 150)
        let serving = LocalSnapshotBuilder.snapshot(key: Self.key, instances: [a, b], running: [a.id], live: live,
                                                    supervised: true, stateFolder: "/s")
        #expect(serving.image?.reference == "api:1.4.0" && serving.image?.version == "1.4.0")
        #expect(serving.replicas.map(\.name) == ["api-1.4.0-a", "api-1.5.0-b"])
        #expect(serving.replicas.map(\.state) == [.running, .failed])
        #expect(serving.replicas[1].exitCode == 3 && serving.replicas[1].detail == "pid 11, 127.0.0.1:40002, not live, exited 3")
        #expect(serving.replicas[0].detail == "pid 10, 127.0.0.1:40001, live")
        #expect(serving.updatedAt == LogTimestamp(nanosecondsSinceEpoch: 150))
        #expect(serving.state == .degraded)
        #expect(serving.provider == "local" && serving.note == nil)

        let onlyLive = LocalSnapshotBuilder.snapshot(key: Self.key, instances: [a], running: [a.id], live: live, supervised: true,
                                                     stateFolder: "/s")
        #expect(onlyLive.state == .running)

        let crashed = LocalSnapshotBuilder.snapshot(key: Self.key, instances: [a], running: [], live: live, supervised: true,
                                                    stateFolder: "/s")
        #expect(crashed.state == .failed && crashed.note == "the live instance 1.4.0-a has ended")

        let down = LocalSnapshotBuilder.snapshot(key: Self.key, instances: [], running: [], live: nil, supervised: false,
                                                 stateFolder: "/s")
        #expect(down.state == .stopped && down.note == "opsdeck local up is not running for /s")
    }

    @Test func planningNeedsARunningSupervisorAndAVersion() async throws {
        let folder = Folder()
        let target = LocalTarget(command: ["/bin/x", "{port}"], version: "1.4.0", versions: ["1.5.0"], port: 18080,
                                 stateFolder: folder.root)
        let provider = LocalProvider(targets: [Self.key: target], opsdeckStateFolder: "/unused")
        let settings = ActionSettings(opsdeckExecutable: "/bin/opsdeck", stateFolder: "/unused")
        let deployer = LocalDeployer(provider: provider, settings: settings) { "\($0)-fixed1" }
        await #expect(throws: LocalProviderError.noSupervisor(stateFolder: folder.root)) {
            try await deployer.deployment(for: Self.key, version: "1.5.0")
        }
        // This test process stands in for the supervisor, and for the live instance.
        try folder.store.writeSupervisor(.current(now: 1))
        let me = LocalInstance(id: "1.4.0-live01", version: "1.4.0", port: 40001, pid: getpid(),
                               startTicks: ProcessFacts.stat(of: getpid())?.startTicks, started: 1)
        try folder.store.write(me, of: Self.key)
        try folder.store.writeLive(LocalLive(instance: me.id, version: "1.4.0", port: 40001, since: 1), of: Self.key)
        await #expect(throws: LocalProviderError.badVersion("--help")) {
            try await deployer.deployment(for: Self.key, version: "--help")
        }
        let deploy = try await deployer.deployment(for: Self.key, version: "1.5.0")
        #expect(deploy.plan.from == "1.4.0" && deploy.plan.steps.count == 4)
        #expect(deploy.plan.steps[0].command.argv.contains("1.5.0-fixed1"))
        let source = ServiceSnapshot(key: ServiceKey(service: "api", environment: "dev"), provider: "local",
                                     image: ImageReference("api:1.4.1"))
        let promote = try await deployer.promotion(from: source, to: Self.key)
        #expect(promote.plan.kind == .promote && promote.plan.to == "1.4.1")
        let rollback = try await deployer.rollback(of: Self.key, to: Release(id: "x", version: "1.3.0", status: .superseded))
        #expect(rollback.plan.kind == .rollback && rollback.plan.to == "1.3.0")
        let versions = try await provider.availableVersions(of: Self.key)
        #expect(versions.map(\.version) == ["1.5.0", "1.4.0"] && versions.map(\.status) == [.superseded, .live])
        let snapshot = try #require(try await deployer.snapshot(of: Self.key))
        #expect(snapshot.state == .running && snapshot.image?.version == "1.4.0")
        let logs = try await provider.logSources(of: Self.key, tail: 50)
        #expect(logs.map(\.command.argv) == [["tail", "-n", "50", "-F", folder.root + "/api/staging/logs/1.4.0-live01.log"]])
        #expect(logs.map(\.name) == ["api-1.4.0-live01"] && logs.allSatisfy(\.command.isLongRunning))
        // The live instance gone (a pid whose start time is not its own): nothing to stop.
        var gone = me
        gone.startTicks = (me.startTicks ?? 0) &+ 1
        try folder.store.write(gone, of: Self.key)
        let fresh = try await deployer.deployment(for: Self.key, version: "1.5.0")
        #expect(fresh.plan.from == nil && fresh.plan.steps.count == 3)
    }

    @Test func serviceChangersPickTheLocalDeployer() throws {
        let target = ProviderTarget.local(LocalTarget(command: ["x"], version: "1", port: 1))
        let settings = ActionSettings(opsdeckExecutable: "/bin/opsdeck", stateFolder: "/state/opsdeck")
        let changer = try ServiceChangers.changer(for: Self.key, target: target, settings: settings, runner: FakeCommandRunner())
        let deployer = try #require(changer as? LocalDeployer)
        #expect(deployer.name == "local")
        #expect(try deployer.provider.store(for: Self.key).layout.root == "/state/opsdeck/local")
    }
}
