import Foundation
import OpsCore

/// Runs one planned Docker deploy, rollback or promote from the command line: prints the plan,
/// asks (or refuses), writes the planned files, runs the plan through `ActionExecutor` (lock,
/// journal before and after every step), puts the old container back when a step of a swap fails,
/// and turns the outcome into the documented exit status.
struct HeadlessAction {
    let setup: ActionSetup
    let deployment: DockerDeployment
    let options: ActionOptions
    let protected: Bool
    var gateOverride: JournalEntry.GateOverride?
    /// Members added to the JSON output (a promotion's gates).
    var extraJSON: [JSONMember] = []
    var operatorIdentity: ActionOperator = .current()

    func run() throws(ActionStop) -> ActionExit {
        let output = ActionOutput(format: options.output)
        if options.dryRun {
            if output.isText {
                output.text(deployment.preview())
                output.text("(dry run: nothing was run)")
            } else {
                output.json(.object([JSONMember("dry_run", .bool(true)), JSONMember("plan", ActionJSON.plan(deployment))] + extraJSON))
            }
            return .done
        }
        output.text(deployment.preview())
        try ActionConfirmation.confirm(deployment.plan, protected: protected, yes: options.yes)
        do {
            try deployment.writeFiles()
        } catch {
            throw ActionStop(.failed, "\(error); nothing ran")
        }
        let journal = JournalWriter(path: setup.journalPath)
        let executor = ActionExecutor(plan: deployment.plan, runner: setup.runner, journal: journal,
                                      locksFolder: setup.locksFolder, operator: operatorIdentity,
                                      fromDigest: deployment.fromDigest, toDigest: deployment.toDigest,
                                      gateOverride: gateOverride)
        let signals = ActionSignals { number in
            executor.finishCurrentStepThenStop()
            ActionCommandSupport.writeError("opsdeck: signal \(number): finishing the running step, then stopping")
        }
        defer { signals.cancel() }
        let report = try execute(executor, output: output)
        var recoveryReport: ActionReport?
        if let recovery = deployment.recoveryPlan(for: report) {
            output.text("Putting the old container back:")
            // Not stoppable by the signals: a half-done recovery would leave the service down.
            let restorer = ActionExecutor(plan: recovery, runner: setup.runner, journal: journal,
                                          locksFolder: setup.locksFolder, operator: operatorIdentity,
                                          fromDigest: deployment.toDigest, toDigest: deployment.fromDigest)
            do {
                recoveryReport = try execute(restorer, output: output)
            } catch {
                ActionCommandSupport.writeError("opsdeck: the old container could not be put back: \(error.message ?? "nothing ran")")
            }
        }
        let exit = Self.exit(of: report, deployment: deployment)
        if output.isText {
            output.text(Self.summary(report, recovery: recoveryReport, plan: deployment.plan))
        } else {
            var members = [JSONMember("plan", ActionJSON.plan(deployment)), JSONMember("result", ActionJSON.report(report)),
                           JSONMember("exit_status", .number(String(exit.rawValue)))] + extraJSON
            if let recoveryReport { members.append(JSONMember("recovery", ActionJSON.report(recoveryReport))) }
            output.json(.object(members))
        }
        return exit
    }

    /// Runs `executor` to its end; nothing ran when it throws.
    private func execute(_ executor: ActionExecutor, output: ActionOutput) throws(ActionStop) -> ActionReport {
        let result: Result<ActionReport, any Error> = BlockingWait.run {
            do {
                return .success(try await executor.run { output.progress($0) })
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let report):
            return report
        case .failure(ActionExecutionError.locked(.heldBy(let owner, let since))):
            throw ActionStop(.locked, "\(ActionLockError.heldBy(owner, since: since)); nothing ran")
        case .failure(ActionExecutionError.locked(.noPlace)):
            throw ActionStop(.usage, "\(ActionLockError.noPlace); nothing ran")
        case .failure(let error):
            throw ActionStop(.failed, "\(error); nothing ran")
        }
    }

    /// 0 done; 5 when a step or the wait for health ran out of time; 1 for any other ending.
    static func exit(of report: ActionReport, deployment: DockerDeployment) -> ActionExit {
        if report.journalFailure != nil { return .failed }
        switch report.outcome {
        case .ok: return .done
        case .timedOut: return .timedOut
        case .failed:
            if let last = report.steps.last, last.index == deployment.waitStepIndex,
               last.exitCode == DockerWaitArguments.timedOutStatus {
                return .timedOut
            }
            return .failed
        case .cancelled, .interrupted: return .failed
        }
    }

    static func summary(_ report: ActionReport, recovery: ActionReport?, plan: ActionPlan) -> String {
        let what = "\(plan.kind.rawValue) \(plan.key) \(plan.from ?? "(nothing)") -> \(plan.to)"
        var lines: [String] = []
        switch report.outcome {
        case .ok:
            lines.append("Done: \(what) in \(ActionOutput.seconds(report.durationMilliseconds)) (journal id \(report.id)).")
        case .cancelled:
            let step = report.stoppedBeforeStep.map { " before step \($0 + 1)" } ?? ""
            lines.append("Stopped\(step) on request: \(what) (journal id \(report.id)).")
        default:
            let failed = report.steps.last.map { " at step \($0.index + 1) (\($0.summary))" } ?? ""
            lines.append("Failed\(failed): \(what) ended \(report.outcome.rawValue) (journal id \(report.id)).")
        }
        if let journalFailure = report.journalFailure { lines.append("The journal could not be written: \(journalFailure).") }
        if let recovery {
            lines.append(recovery.outcome == .ok
                ? "The old container runs again (rollback \(recovery.id))."
                : "Putting the old container back ended \(recovery.outcome.rawValue) (rollback \(recovery.id)): check the service now.")
        }
        return lines.map { Sanitiser.sanitise($0) }.joined(separator: "\n")
    }
}
