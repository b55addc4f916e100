import Foundation

/// A planned deploy, rollback, promote or restart, whatever the platform: the plan every caller shows and
/// runs, plus what it needs around it: the files to write before the first step (a compose
/// override), the steps that put back what ran before when a step fails, and the digests on either
/// side. Providers prepare it; `ActionRun` runs it, for the console and the headless commands alike.
public struct PreparedAction: Hashable, Sendable {
    /// A file opsdeck writes under its state folder before the plan's first step.
    public struct PlannedFile: Hashable, Sendable {
        public var path: String
        public var contents: String

        public init(path: String, contents: String) {
            self.path = path
            self.contents = contents
        }
    }

    public var plan: ActionPlan
    /// The image the service runs now (registry digest, else image id).
    public var fromDigest: String?
    /// The image it will run, when known before the run.
    public var toDigest: String?
    public var files: [PlannedFile]
    /// By the index of the step that failed: the steps that restore what ran before. A failure at
    /// an index without an entry leaves nothing to restore.
    public var recoveries: [Int: [ActionPlan.Step]]
    /// By the index of the step a stop request (SIGHUP, SIGTERM, q) kept from starting, every step
    /// before it having succeeded: the steps that restore what ran before. Nil entry: nothing to
    /// restore (nothing changed yet, or the new containers already proved healthy).
    public var recoveriesWhenStopped: [Int: [ActionPlan.Step]]
    /// The index of the step that waits for the new version, whose failure means "it did not
    /// become healthy" (and its exit `waitTimedOutStatus` "not within the deadline").
    public var waitStepIndex: Int?
    /// The exit status by which the wait step says its deadline passed.
    public var waitTimedOutStatus: Int32?
    /// For a wait step whose CLI exits with one status for every failure (`kubectl rollout status`
    /// exits 1 both when its `--timeout` passes and when the rollout is stuck): the words on its
    /// standard error that only its deadline prints. Nil: the status alone tells.
    public var waitTimedOutMessage: String?
    /// What the recovery steps do, in the words of the platform (`the old container is put back`).
    public var recoveryWords: String

    public init(plan: ActionPlan, fromDigest: String? = nil, toDigest: String? = nil, files: [PlannedFile] = [],
                recoveries: [Int: [ActionPlan.Step]] = [:], recoveriesWhenStopped: [Int: [ActionPlan.Step]] = [:],
                waitStepIndex: Int? = nil, waitTimedOutStatus: Int32? = nil, waitTimedOutMessage: String? = nil,
                recoveryWords: String = "what ran before is put back") {
        self.plan = plan
        self.fromDigest = fromDigest
        self.toDigest = toDigest
        self.files = files
        self.recoveries = recoveries
        self.recoveriesWhenStopped = recoveriesWhenStopped
        self.waitStepIndex = waitStepIndex
        self.waitTimedOutStatus = waitTimedOutStatus
        self.waitTimedOutMessage = waitTimedOutMessage
        self.recoveryWords = recoveryWords
    }

    /// Whether `report` ended because the wait step ran out of time.
    public func waitTimedOut(in report: ActionReport) -> Bool {
        guard let last = report.steps.last, let waitStepIndex, let waitTimedOutStatus else { return false }
        guard last.index == waitStepIndex, last.exitCode == waitTimedOutStatus else { return false }
        guard let waitTimedOutMessage else { return true }
        return last.standardError?.contains(waitTimedOutMessage) == true
    }

    /// The rollback that undoes a failure at `failedStep`: a plan of its own, journalled as a
    /// rollback from the version that failed to the one before. Nil when there is nothing to undo.
    public func recoveryPlan(afterFailedStep failedStep: Int) -> ActionPlan? {
        recoveryPlan(recoveries[failedStep])
    }

    /// The rollback that undoes a plan stopped on request before `stoppedStep` began.
    public func recoveryPlan(stoppedBeforeStep stoppedStep: Int) -> ActionPlan? {
        recoveryPlan(recoveriesWhenStopped[stoppedStep])
    }

    /// The recovery of an action as the executor reported it: stopped on request, or failed at its
    /// last step; nil when it succeeded or nothing needs undoing.
    public func recoveryPlan(for report: ActionReport) -> ActionPlan? {
        guard report.outcome != .ok else { return nil }
        if let stopped = report.stoppedBeforeStep { return recoveryPlan(stoppedBeforeStep: stopped) }
        return report.steps.last.flatMap { recoveryPlan(afterFailedStep: $0.index) }
    }

    private func recoveryPlan(_ steps: [ActionPlan.Step]?) -> ActionPlan? {
        guard let steps, !steps.isEmpty else { return nil }
        return ActionPlan(kind: .rollback, key: plan.key, from: plan.to, to: plan.from ?? "the previous version", steps: steps)
    }

    /// The plan as shown before it runs: its steps, the files it writes, and what runs if it fails.
    public func preview(redaction: CommandRedaction = .standard) -> String {
        var text = PlanPreview.text(of: plan, redaction: redaction)
        for file in files {
            text += "\n  writes " + Sanitiser.sanitise(file.path) + ":\n"
            text += file.contents.split(separator: "\n").map { "     | " + Sanitiser.sanitise(String($0)) }.joined(separator: "\n")
        }
        // Steps that share one recovery are named together: `if step 3 or 4 fails`.
        var groups: [(indexes: [Int], steps: [ActionPlan.Step])] = []
        for index in recoveries.keys.sorted() {
            guard let steps = recoveries[index], !steps.isEmpty else { continue }
            if let last = groups.last, last.steps == steps {
                groups[groups.count - 1].indexes.append(index)
            } else {
                groups.append(([index], steps))
            }
        }
        for group in groups {
            let names = group.indexes.map { String($0 + 1) }
            let which = names.count == 1 ? "step \(names[0])" : "step " + names.dropLast().joined(separator: ", ") + " or \(names.last ?? "")"
            text += "\n  if \(which) fails, \(recoveryWords):"
            for step in group.steps {
                text += "\n     $ " + Sanitiser.sanitise(redaction.commandLine(step.command))
            }
        }
        return text
    }

    /// Writes the planned files (each whole, through a temporary file and a rename, synced), making
    /// their folders (this user's only) as needed.
    public func writeFiles() throws(PreparedActionError) {
        for file in files {
            let folder = StateFiles.parentFolder(of: file.path)
            if let failure = StateFiles.makeFolder(folder) {
                throw .cannotWrite(path: file.path, reason: StateFiles.describe(failure))
            }
            let temporary = file.path + ".tmp-\(getpid())"
            let fd: Int32
            switch StateFiles.openFile(temporary, O_WRONLY | O_CREAT | O_TRUNC) {
            case .success(let opened): fd = opened
            case .failure(let error): throw .cannotWrite(path: file.path, reason: StateFiles.describe(error.code))
            }
            let failure = StateFiles.writeAll(fd, Array(file.contents.utf8)) ?? StateFiles.syncData(fd)
            close(fd)
            if let failure {
                unlink(temporary)
                throw .cannotWrite(path: file.path, reason: StateFiles.describe(failure))
            }
            if rename(temporary, file.path) != 0 {
                let code = errno
                unlink(temporary)
                throw .cannotWrite(path: file.path, reason: StateFiles.describe(code))
            }
            StateFiles.syncFolder(holding: file.path)
        }
    }
}

/// Why a prepared action could not be made ready to run.
public enum PreparedActionError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
