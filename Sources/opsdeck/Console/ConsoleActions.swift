import Foundation
import OpsCore
import OpsUI

/// Plans and runs the console's deploys, promotions and rollbacks off the UI thread, through the
/// same planners, gates, locks and journal as the headless commands, and posts what happens back
/// as actions. One action runs at a time; a promotion holds its source's lock from its planning
/// until it ends or the operator says no.
final class ConsoleActions: @unchecked Sendable {
    private let setup: ActionSetup
    private let providers: ProviderSet
    private let inbox: ActionInbox
    private let now: @Sendable () -> LogTimestamp

    private let lock = NSLock()
    private var running: ActionRun?
    private var runTask: Task<Void, Never>?
    /// Promotions planned and not yet run or dropped, by proposal: they hold their source's lock.
    private var promotions: [ActionProposal: PromotionPreparation] = [:]

    init(setup: ActionSetup, providers: ProviderSet, inbox: ActionInbox, now: @escaping @Sendable () -> LogTimestamp) {
        self.setup = setup
        self.providers = providers
        self.inbox = inbox
        self.now = now
    }

    /// What the configuration allows: read-only as a whole (or by `--read-only`), or by environment.
    static func policy(config: OpsdeckConfig, readOnlyFlag: Bool) -> ChangePolicy {
        if readOnlyFlag { return ChangePolicy(refusal: "read-only (--read-only): no deploy, promote or rollback") }
        if config.readOnly { return ChangePolicy(refusal: "the configuration is read-only (read_only: true)") }
        return ChangePolicy(readOnlyEnvironments: Set(config.environments.filter(\.readOnly).map(\.name)))
    }

    func perform(_ effect: DashboardEffect) {
        switch effect {
        case .loadVersions(let key): loadVersions(key)
        case .prepareAction(let request): prepare(request)
        case .runAction(let proposal): run(proposal)
        case .dropAction(let proposal): lock.withLock { promotions.removeValue(forKey: proposal) }?.release()
        case .stopAction: lock.withLock { running }?.finishCurrentStepThenStop()
        default: break
        }
    }

    // MARK: - Versions

    /// The platform's versions (local image tags, releases), else the versions of its history.
    private func loadVersions(_ key: ServiceKey) {
        Task { [setup, providers, inbox, now] in
            do {
                // A service opsdeck cannot deploy (a StatefulSet, a platform without actions) says
                // so before the operator picks a version.
                _ = try setup.deployer(service: key.service, environment: key.environment)
                let releases = try await providers.availableVersions(of: key)
                var seen = Set<String>()
                let versions = releases.map(\.version).filter { !$0.isEmpty && seen.insert($0).inserted }
                inbox.post(.versionsLoaded(key, versions, at: now()))
            } catch let stop as ActionStop {
                inbox.post(.versionsFailed(key, stop.message ?? "cannot deploy", at: now()))
            } catch {
                inbox.post(.versionsFailed(key, "\(error)", at: now()))
            }
        }
    }

    // MARK: - Planning

    private func prepare(_ request: ActionRequest) {
        Task { [self] in
            do {
                inbox.post(.actionPrepared(try await proposal(for: request)))
            } catch let stop as ActionStop {
                inbox.post(.actionPlanFailed(request, stop.message ?? "cannot plan"))
            } catch {
                inbox.post(.actionPlanFailed(request, "\(error)"))
            }
        }
    }

    private func proposal(for request: ActionRequest) async throws -> ActionProposal {
        let key = request.key
        let environment = try setup.changeableEnvironment(key.environment)
        let deployer = try setup.deployer(service: key.service, environment: key.environment)
        func proposal(_ action: PreparedAction, gates: [PromotionGate] = []) -> ActionProposal {
            ActionProposal(request: request, action: action, gates: gates, protected: environment.protected,
                           autoRollback: environment.autoRollback, watch: environment.watch)
        }
        switch request.what {
        case .deploy(let version):
            return proposal(try await deployer.deployment(for: key, version: version))
        case .rollback(let named):
            let failed = named == nil ? RollbackCommand.failedVersions(of: key, in: setup.journalHistory()) : []
            return proposal(try await RollbackCommand.plan(key, to: named, deployer: deployer, failedVersions: failed))
        case .restart:
            return proposal(try await setup.restarter(service: key.service, environment: key.environment).restart(of: key))
        case .promoteCanaryStep:
            return proposal(try await setup.canaryStepper(service: key.service, environment: key.environment).stepPromotion(of: key))
        case .abortCanary:
            return proposal(try await setup.canaryStepper(service: key.service, environment: key.environment).abort(of: key))
        case .promote(let source):
            let sourceDeployer = try setup.deployer(service: source.service, environment: source.environment)
            // The probes and metrics as the dashboard watches them.
            func judged(_ name: String) -> PromotionGate {
                request.judgedGates.first { $0.name == name } ?? PromotionGate(name: name, passed: false, detail: "not judged")
            }
            let probes = judged("source probes"), metrics = judged("source metrics")
            let judges = PromotionPreparation.Judges(probes: { probes }, metrics: { metrics })
            let promotion = try await PromotionPreparation.prepare(
                source: source, target: key, sourceChanger: sourceDeployer, targetChanger: deployer,
                soak: setup.config.environment(named: source.environment)?.soak, judges: judges,
                locksFolder: setup.locksFolder, journal: JournalWriter(path: setup.journalPath), operator: .current())
            let proposed = proposal(promotion.action, gates: promotion.gates)
            lock.withLock { promotions[proposed] = promotion }
            return proposed
        }
    }

    // MARK: - Running

    private func run(_ proposal: ActionProposal) {
        let promotion = lock.withLock { promotions.removeValue(forKey: proposal) }
        var override: JournalEntry.GateOverride?
        let failing = proposal.failingGates
        let actor = ActionOperator.current()
        if !failing.isEmpty {
            override = JournalEntry.GateOverride(gates: failing.map { "\($0.name): \($0.detail)" }, by: actor.userAtHost)
        }
        let run = ActionRun(proposal.action, runner: setup.runner, journal: JournalWriter(path: setup.journalPath),
                            locksFolder: setup.locksFolder, operator: actor, gateOverride: override)
        let task = Task { [inbox, now] in
            defer { promotion?.release() }
            do throws(ActionRunError) {
                let outcome = try await run.run { inbox.post(.actionEvent($0)) }
                inbox.post(.actionEnded(outcome, at: now()))
            } catch {
                inbox.post(.actionNotRun("\(error)", at: now()))
            }
        }
        lock.withLock {
            running = run
            runTask = task
        }
    }

    /// For a signal (the SSH link dropped, SIGTERM): the running step finishes, nothing else
    /// starts, and this returns once the action (and the recovery it needs) is journalled.
    func finishRunningAction() {
        let (run, task) = lock.withLock { (running, runTask) }
        guard let run, let task else { return }
        run.finishCurrentStepThenStop()
        BlockingWait.run { await task.value }
        for promotion in lock.withLock({ promotions.values }) { promotion.release() }
    }
}
