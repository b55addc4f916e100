import ArgumentParser
import Foundation
import OpsCore

/// The documented exit statuses of `opsdeck deploy`, `rollback`, `promote` and `status`, which
/// runbooks and CI branch on.
enum ActionExit: Int32 {
    /// Done: every step succeeded (or, with --dry-run, the plan was printed).
    case done = 0
    /// A step failed, or the new containers did not become healthy.
    case failed = 1
    /// A usage or configuration error, a read-only environment, or no way to confirm: nothing ran.
    case usage = 2
    /// A promotion gate is red and was not overridden: nothing ran.
    case gateBlocked = 3
    /// Another action holds the service's lock: nothing ran.
    case locked = 4
    /// A step, or the wait for health, ran past its deadline.
    case timedOut = 5

    var code: ExitCode { ExitCode(rawValue) }
}

/// Ends a headless action command: the message on standard error, then the status. Thrown, so
/// that `defer`s run; ArgumentParser exits with the status without printing anything more.
struct ActionStop: Error {
    let exit: ActionExit
    let message: String?

    init(_ exit: ActionExit, _ message: String? = nil) {
        self.exit = exit
        self.message = message
    }
}

enum ActionCommandSupport {
    /// Runs `body`; an `ActionStop` prints its message, prefixed with the command's name, and
    /// becomes its exit status.
    static func run(_ command: String, _ body: () throws -> ActionExit) throws {
        let exit: ActionExit
        do {
            exit = try body()
        } catch let stop as ActionStop {
            if let message = stop.message { writeError("opsdeck \(command): \(message)") }
            exit = stop.exit
        } catch {
            writeError("opsdeck \(command): \(error)")
            exit = .failed
        }
        if exit != .done { throw exit.code }
    }

    /// The flow of every headless action on one service in one environment: the configuration,
    /// the environment's leave to change, the plan `plan` makes with them, then the plan shown,
    /// confirmed and run (`HeadlessAction`).
    static func runPlanned(_ command: String, service: String, environment: String, options: ActionOptions,
                           plan: (ActionSetup, ServiceKey) throws -> PreparedAction) throws {
        try run(command) {
            let setup = try ActionSetup.load(configFile: options.configFile, readyTimeout: try options.readyDeadline())
            let environmentConfig = try setup.changeableEnvironment(environment)
            let prepared = try plan(setup, ServiceKey(service: service, environment: environment))
            return try HeadlessAction(setup: setup, deployment: prepared, options: options,
                                      protected: environmentConfig.protected).run()
        }
    }

    /// Straight to the descriptor, errors ignored: after SIGHUP there may be no terminal left.
    static func writeError(_ text: String) {
        ActionOutput.write(Sanitiser.sanitise(text, multiline: true) + "\n", to: STDERR_FILENO)
    }
}
