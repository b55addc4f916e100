import Foundation
import Testing
@testable import OpsCore

@Suite struct ActionLockTests {
    typealias S = ActionTestSupport

    /// This process, as the operator: its pid is alive and its start time is real.
    static let me = ActionOperator(user: "alice", host: ActionOperator.hostName(), pid: getpid())

    static func acquire(_ key: ServiceKey = S.api, in folder: URL, kind: ActionPlan.Kind = .deploy,
                        actionID: String = "act-1", as actor: ActionOperator = me) throws(ActionLockError) -> ActionLock {
        try ActionLock.acquire(key, kind: kind, actionID: actionID, in: folder.path, operator: actor, now: S.time())
    }

    /// Writes a lock file by hand, as a process that is no longer holding its flock left it.
    static func plant(_ owner: LockOwner, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(LockFileName.name(for: owner.key)).path
        try Data(JSONWriter.serialize(owner.jsonValue).utf8).write(to: URL(fileURLWithPath: path))
    }

    static func owner(pid: Int32, start: UInt64?, host: String = ActionOperator.hostName(),
                      bootID: String? = ProcessFacts.bootID) -> LockOwner {
        LockOwner(user: "bob", host: host, pid: pid, processStart: start, bootID: bootID, since: S.time(-600),
                  kind: .rollback, actionID: "bobs-action", key: S.api)
    }

    /// The pid of a process that has exited and been reaped.
    static func deadPid() async throws -> Int32 {
        let result = try await LiveCommandRunner().run(Command("/bin/sh", ["-c", "echo $$"]))
        return try #require(Int32(result.outputText.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func aLockIsAFileNamingItsOwnerAndReleasingDeletesIt() throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let lock = try Self.acquire(in: folder)
        #expect(lock.takeover == nil)
        #expect(lock.isHeld)
        let owner = try #require(LockOwner(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: lock.path)))))
        #expect(owner.user == "alice" && owner.pid == getpid() && owner.kind == .deploy && owner.actionID == "act-1")
        #expect(owner.key == S.api && owner.since == S.time())
        #expect(owner.processStart == ProcessFacts.stat(of: getpid())?.startTicks && owner.processStart != nil)
        #expect(lock.path == folder.appendingPathComponent("api@production.lock").path)
        lock.release()
        #expect(!lock.isHeld)
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        lock.release()  // twice is harmless
        let again = try Self.acquire(in: folder)
        #expect(again.takeover == nil)
    }

    @Test func aLockHeldByALiveProcessIsRefusedNamingItsOwnerAndSince() throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let held = try Self.acquire(in: folder)
        let bob = ActionOperator(user: "bob", host: Self.me.host, pid: getpid())
        #expect(throws: ActionLockError.heldBy(held.owner, since: S.time())) {
            try Self.acquire(in: folder, as: bob)
        }
        do {
            _ = try Self.acquire(in: folder, as: bob)
        } catch {
            #expect(error.description == "api/production is locked by alice@\(Self.me.host) (pid \(getpid()), deploy) since 2026-11-28T10:00:00.000Z")
        }
        // Another service or environment is not locked by it.
        _ = try Self.acquire(ServiceKey(service: "api", environment: "staging"), in: folder)
        withExtendedLifetime(held) {}
    }

    /// A lock file whose process still runs is respected even if no flock is held on it: when
    /// unsure, refuse.
    @Test func aLiveProcessWithoutItsFlockStillHoldsTheLock() throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let owner = Self.owner(pid: getpid(), start: ProcessFacts.stat(of: getpid())?.startTicks)
        try Self.plant(owner, in: folder)
        #expect(throws: ActionLockError.heldBy(owner, since: owner.since)) { try Self.acquire(in: folder) }
    }

    @Test func aLockOnAnotherHostIsRespected() throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let owner = Self.owner(pid: 1, start: 1, host: "some-other-host")
        try Self.plant(owner, in: folder)
        #expect(throws: ActionLockError.heldBy(owner, since: owner.since)) { try Self.acquire(in: folder) }
    }

    @Test func aLockOfAProcessThatIsGoneIsTakenOverWithANote() async throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let pid = try await Self.deadPid()
        let owner = Self.owner(pid: pid, start: 12345)
        try Self.plant(owner, in: folder)
        let lock = try Self.acquire(in: folder)
        let takeover = try #require(lock.takeover)
        #expect(takeover.previous == owner)
        #expect(takeover.reason == "process \(pid) is gone")
        #expect(takeover.description.hasPrefix("took over the lock of bob@"))
        let now = try #require(LockOwner(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: lock.path)))))
        #expect(now.user == "alice" && now.pid == getpid(), "the file now names the new holder")
        // And the new holder holds it for real.
        #expect(throws: ActionLockError.heldBy(lock.owner, since: S.time())) { try Self.acquire(in: folder) }
    }

    @Test func aReusedPidOrARebootMakesALockStale() throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let realStart = try #require(ProcessFacts.stat(of: getpid())?.startTicks)
        try Self.plant(Self.owner(pid: getpid(), start: realStart &+ 1), in: folder)
        let reused = try Self.acquire(in: folder)
        #expect(reused.takeover?.reason == "process \(getpid()) is another program now (its pid was reused)")
        reused.release()

        try Self.plant(Self.owner(pid: getpid(), start: realStart, bootID: "another-boot"), in: folder)
        let rebooted = try Self.acquire(in: folder)
        #expect(rebooted.takeover?.reason == (ProcessFacts.bootID == nil ? nil : "the machine restarted since"))
    }

    @Test func anUnreadableLockFileNobodyHoldsIsTakenOver() throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        try Data("{\"user\":\"bo".utf8).write(to: folder.appendingPathComponent("api@production.lock"))
        let lock = try Self.acquire(in: folder)
        #expect(lock.takeover == LockTakeover(previous: nil, reason: "the lock file was unreadable and nobody held it"))
    }

    @Test func namesOfAnyShapeStayInsideTheLocksFolderAndNeverCollide() throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        let keys = [
            ServiceKey(service: "../../etc/passwd", environment: ".."),
            ServiceKey(service: "a/b", environment: "c d"),
            ServiceKey(service: "$(rm -rf ~); `id` | x & y > z", environment: "prod\nuction"),
            ServiceKey(service: "a@b", environment: "c"),
            ServiceKey(service: "a", environment: "b@c"),
            ServiceKey(service: "", environment: ""),
            ServiceKey(service: "ünï", environment: "%41"),
            ServiceKey(service: "A", environment: "x"),
            ServiceKey(service: String(repeating: "s", count: 300), environment: "one"),
            ServiceKey(service: String(repeating: "s", count: 300), environment: "two"),
        ]
        var locks: [ActionLock] = []
        for key in keys { locks.append(try Self.acquire(key, in: folder)) }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != ".guard" }
        #expect(names.count == keys.count)
        for name in names {
            #expect(!name.hasPrefix(".") && !name.contains("/") && name.utf8.count <= LockFileName.maximumLength)
            #expect(name.utf8.allSatisfy { ASCII.isAlphanumeric($0) || "%@_-.~".utf8.contains($0) })
        }
        #expect(LockFileName.name(for: keys[0]) == "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd@%2E%2E.lock")
        #expect(Set(locks.map(\.path)).count == keys.count)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/b").path) == false)
    }

    /// Many threads racing for one lock, and for one stale lock: exactly one wins each time.
    @Test func racingAcquirersNeverBothWin() async throws {
        let folder = try S.folder()
        defer { ProcessTestSupport.cleanUp(folder) }
        for round in 0..<2 {
            if round == 1 { try Self.plant(Self.owner(pid: try await Self.deadPid(), start: 1), in: folder) }
            let winners = Shared<[ActionLock]>([])
            let refusals = Shared(0)
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            let lock = try Self.acquire(in: folder)
                            winners.update { $0.append(lock) }
                        } catch {
                            if case ActionLockError.heldBy = error { refusals.update { $0 += 1 } }
                        }
                    }
                }
            }
            #expect(winners.value.count == 1)
            #expect(refusals.value == 7)
            #expect((winners.value.first?.takeover != nil) == (round == 1))
            winners.value.forEach { $0.release() }
        }
    }
}
