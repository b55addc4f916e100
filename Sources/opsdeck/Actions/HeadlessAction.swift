import Foundation
import OpsCore

/// Runs one planned deploy, rollback or promote from the command line: prints the plan, asks (or
/// refuses), runs it through `ActionRun` (files, lock, journal before and after every step, what
/// ran before put back when a step fails), and turns the outcome into the documented exit status.
struct HeadlessAction {
    let setup: ActionSetup
    let deployment: PreparedAction
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
        let run = ActionRun(deployment, runner: setup.runner, journal: JournalWriter(path: setup.journalPath),
                            locksFolder: setup.locksFolder, operator: operatorIdentity, gateOverride: gateOverride)
        let signals = ActionSignals { number in
            run.finishCurrentStepThenStop()
            ActionCommandSupport.writeError("opsdeck: signal \(number): finishing the running step, then stopping")
        }
        defer { signals.cancel() }
        let ending = try execute(run, output: output)
        let exit = Self.exit(of: ending)
        if output.isText {
            output.text(Self.summary(ending, plan: deployment.plan))
        } else {
            var members = [JSONMember("plan", ActionJSON.plan(deployment)), JSONMember("result", ActionJSON.report(ending.report)),
                           JSONMember("exit_status", .number(String(exit.rawValue)))] + extraJSON
            if let recovery = ending.recovery { members.append(JSONMember("recovery", ActionJSON.report(recovery))) }
            output.json(.object(members))
        }
        return exit
    }

    /// Runs the action to its end; nothing ran when it throws.
    private func execute(_ run: ActionRun, output: ActionOutput) throws(ActionStop) -> ActionRun.Outcome {
        let result: Result<ActionRun.Outcome, ActionRunError> = BlockingWait.run {
            do throws(ActionRunError) {
                return .success(try await run.run { event in
                    switch event {
                    case .progress(let progress), .recoveryProgress(let progress): output.progress(progress)
                    case .recoveryStarting: output.text("Putting back what ran before:")
                    }
                })
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let ending):
            if let notRun = ending.recoveryNotRun {
                ActionCommandSupport.writeError("opsdeck: what ran before could not be put back: \(notRun)")
            }
            return ending
        case .failure(.notRun(.locked(.heldBy(let owner, let since)))):
            throw ActionStop(.locked, "\(ActionLockError.heldBy(owner, since: since)); nothing ran")
        case .failure(.notRun(.locked(.noPlace))):
            throw ActionStop(.usage, "\(ActionLockError.noPlace); nothing ran")
        case .failure(let error):
            throw ActionStop(.failed, "\(error); nothing ran")
        }
    }

    /// 0 done; 5 when a step or the wait for health ran out of time; 1 for any other ending.
    static func exit(of ending: ActionRun.Outcome) -> ActionExit {
        let report = ending.report
        if report.journalFailure != nil { return .failed }
        switch report.outcome {
        case .ok: return .done
        case .timedOut: return .timedOut
        case .failed: return ending.waitTimedOut ? .timedOut : .failed
        case .cancelled, .interrupted: return .failed
        }
    }

    static func summary(_ ending: ActionRun.Outcome, plan: ActionPlan) -> String {
        let report = ending.report
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
        if let recovery = ending.recovery {
            lines.append(recovery.outcome == .ok
                ? "What ran before runs again (rollback \(recovery.id))."
                : "Putting back what ran before ended \(recovery.outcome.rawValue) (rollback \(recovery.id)): check the service now.")
        }
        return lines.map { Sanitiser.sanitise($0) }.joined(separator: "\n")
    }
}
