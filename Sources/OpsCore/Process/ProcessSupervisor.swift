import Subprocess

/// Watches one running child: reads its standard output and standard error concurrently, waits for it
/// to exit, and holds it to its deadline and to the caller's cancellation, ending its process group
/// when either comes first. Runs inside the spawn library's `run` body, where the child is not yet
/// reaped (which keeps signals to its group id safe).
enum ProcessSupervisor {
    /// The deadline passed and the group was ended.
    enum Stop: Error { case deadlinePassed }

    struct Collected<Output: Sendable>: Sendable {
        var output: Output
        var error: BoundedBytes
    }

    private enum Event<Output: Sendable>: Sendable {
        case output(Output)
        case error(BoundedBytes)
        case exited
        case deadlinePassed
        /// A deadline or exit watcher that was cancelled.
        case stopped
    }

    private enum Ending<Output: Sendable>: Sendable {
        case finished(Collected<Output>)
        case deadlinePassed
        case cancelled
    }

    /// Returns what the child printed once it has exited and its pipes are drained. Throws
    /// `Stop.deadlinePassed` or `CancellationError` after ending the child's group, or a read error.
    static func supervise<Output: Sendable>(
        pid: pid_t, output: SubprocessOutputSequence, error: SubprocessOutputSequence, timeout: Duration?,
        readOutput: @escaping @Sendable (SubprocessOutputSequence) async throws -> Output
    ) async throws -> Collected<Output> {
        let ending: Ending<Output>
        do {
            ending = try await withThrowingTaskGroup(of: Event<Output>.self) { group in
                group.addTask { .output(try await readOutput(output)) }
                group.addTask { .error(try await OutputDraining.collect(error, limit: LiveCommandRunner.errorLimit)) }
                if let timeout {
                    group.addTask {
                        do { try await Task.sleep(for: timeout) } catch { return .stopped }
                        return .deadlinePassed
                    }
                }
                return try await awaitEnding(of: pid, in: &group)
            }
        } catch {
            // Reading failed: do not leave the child running behind the error.
            await ProcessGroupTerminator.terminate(group: pid, grace: LiveCommandRunner.terminationGrace)
            throw error
        }
        switch ending {
        case .finished(let collected):
            return collected
        case .deadlinePassed:
            await ProcessGroupTerminator.terminate(group: pid, grace: LiveCommandRunner.terminationGrace)
            throw Stop.deadlinePassed
        case .cancelled:
            await ProcessGroupTerminator.terminate(group: pid, grace: LiveCommandRunner.terminationGrace)
            throw CancellationError()
        }
    }

    /// Collects the readers' results; once both pipes have ended, also waits for the child to exit,
    /// since a child may close its output and carry on. The first of "exited", the deadline and
    /// cancellation ends the wait; the remaining tasks are cancelled (and awaited by the group).
    private static func awaitEnding<Output: Sendable>(
        of pid: pid_t, in group: inout ThrowingTaskGroup<Event<Output>, any Error>
    ) async throws -> Ending<Output> {
        var output: Output?
        var error: BoundedBytes?
        var watchingExit = false
        while let event = try await group.next() {
            if Task.isCancelled {
                group.cancelAll()
                return .cancelled
            }
            switch event {
            case .output(let value): output = value
            case .error(let value): error = value
            case .exited:
                if let output, let error {
                    group.cancelAll()
                    return .finished(Collected(output: output, error: error))
                }
            case .deadlinePassed:
                // A child that already exited is finishing, not hanging: its pipes are at their ends
                // (or their reads were cut short by the library when it exited). This happens when
                // the deadline's wake-up and the readers' are both delayed on a busy thread pool.
                if ProcessGroupTerminator.hasExited(pid) { break }
                group.cancelAll()
                return .deadlinePassed
            case .stopped:
                break
            }
            if !watchingExit, output != nil, error != nil {
                watchingExit = true
                group.addTask {
                    do { try await ProcessGroupTerminator.waitForExit(of: pid) } catch { return .stopped }
                    return .exited
                }
            }
        }
        // Only cancellation empties the group before the exit watcher reports.
        return .cancelled
    }
}
