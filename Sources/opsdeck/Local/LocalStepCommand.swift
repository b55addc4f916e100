import ArgumentParser
import Foundation
import OpsCore

/// `opsdeck local-step start|wait|switch|stop`: the steps of a local deploy plan, commands of
/// their own so that the plan shows each one exactly and the journal records it. Not listed in the
/// help: plans write them, people rarely do.
struct LocalStepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: LocalStepArguments.subcommand,
        abstract: "The steps of a local deploy: start, wait, switch, stop.",
        discussion: "Exit status: 0 done; 1 failed; 5 the deadline passed; 2 a usage error.",
        shouldDisplay: false,
        subcommands: [Start.self, Wait.self, Switch.self, Stop.self]
    )

    /// Which instance of which service, in which state folder.
    struct Subject: ParsableArguments {
        @Option(help: "The local provider's state folder.") var state: String
        @Option(help: "The service.") var service: String
        @Option(help: "The environment.") var environment: String
        @Option(help: "The instance id.") var instance: String

        func validate() throws {
            guard LocalStateLayout.isInstanceID(instance) else { throw ValidationError("--instance \(instance) is not an instance id") }
            guard state.hasPrefix("/") else { throw ValidationError("--state wants an absolute folder") }
        }

        var steps: LocalSteps {
            LocalSteps(store: LocalStateStore(layout: LocalStateLayout(root: state)),
                       key: ServiceKey(service: service, environment: environment))
        }
    }

    static func duration(_ text: String, _ flag: String) throws -> Duration {
        guard let duration = ConfigDuration.parse(text) else { throw ValidationError("\(flag) wants a duration such as 30s") }
        return duration
    }

    /// Prints how the step ended and exits with its status.
    static func finish(_ ending: LocalSteps.Ending) throws {
        let output = ActionOutput(format: .text)
        switch ending {
        case .done(let words):
            output.text(Sanitiser.sanitise(words))
        case .failed(let words):
            ActionCommandSupport.writeError(words)
            throw ExitCode(ActionExit.failed.rawValue)
        case .timedOut(let words):
            ActionCommandSupport.writeError("the deadline passed: \(words)")
            throw ExitCode(LocalStepArguments.timedOutStatus)
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ask opsdeck local up to start an instance, and wait until it has.")
        @OptionGroup var subject: Subject
        @Option(help: "The version it runs.") var version: String
        @Option(help: "Its working folder.") var directory: String?
        @Option(name: .customLong("env"), help: "NAME=VALUE added to its environment (repeatable).") var environment: [String] = []
        @Option(help: "How long the supervisor has to start it.") var timeout = "60s"
        @Argument(parsing: .postTerminator, help: "Its argv; {port} becomes the port the supervisor picks.") var argv: [String]

        func run() throws {
            let deadline = try LocalStepCommand.duration(timeout, "--timeout")
            guard LocalTarget.isVersion(version) else { throw ValidationError("--version \(version) is not a version") }
            guard !argv.isEmpty else { throw ValidationError("give the instance's argv after --") }
            var variables: [String: String] = [:]
            for assignment in environment {
                guard let equals = assignment.firstIndex(of: "="), assignment.startIndex != equals else {
                    throw ValidationError("--env wants NAME=VALUE")
                }
                variables[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
            }
            let request = LocalStartRequest(id: subject.instance, version: version, argv: argv, environment: variables,
                                            directory: directory)
            try LocalStepCommand.finish(subject.steps.start(request, timeout: deadline))
        }
    }

    struct Wait: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Wait until the instance's ready path answers 2xx.")
        @OptionGroup var subject: Subject
        @Option(help: "The ready path.") var path = "/ready"
        @Option(help: "The deadline.") var timeout = "120s"

        func run() throws {
            let deadline = try LocalStepCommand.duration(timeout, "--timeout")
            guard path.hasPrefix("/") else { throw ValidationError("--path wants a path starting with /") }
            try LocalStepCommand.finish(subject.steps.waitReady(id: subject.instance, path: path, timeout: deadline))
        }
    }

    struct Switch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Point the front port at the instance.")
        @OptionGroup var subject: Subject
        @Option(help: "Why, for the history: deploy, promote, rollback.") var cause = "deploy"

        func run() throws {
            try LocalStepCommand.finish(subject.steps.switchTo(id: subject.instance, cause: cause))
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the instance: SIGTERM, then SIGKILL after the grace.")
        @OptionGroup var subject: Subject
        @Option(help: "How long it has to end after SIGTERM.") var grace = "10s"
        @Flag(help: "Record its version as failed in the history.") var failed = false
        @Option(help: "Why, for the history.") var cause = "deploy"

        func run() throws {
            let period = try LocalStepCommand.duration(grace, "--grace")
            try LocalStepCommand.finish(subject.steps.stop(id: subject.instance, grace: period, recordFailure: failed, cause: cause))
        }
    }
}
