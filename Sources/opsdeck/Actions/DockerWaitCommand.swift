import ArgumentParser
import Foundation
import OpsCore

/// `opsdeck docker-wait`: the wait step of a Docker deploy plan, a command of its own so that the
/// plan shows it like every other step and it outlives the terminal that started it. Not listed in
/// the help: plans write it, people rarely do.
struct DockerWaitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: DockerWaitArguments.subcommand,
        abstract: "Wait until a deploy's new containers run and, with a healthcheck, are healthy.",
        discussion: """
        Exit status: 0 ready; 1 it will not be (exited, restarting, unhealthy, another image); \
        5 the deadline passed while it was still starting; 2 a usage error.
        """,
        shouldDisplay: false
    )

    @Option(help: "The docker context.") var context: String?
    @Option(help: "The DOCKER_HOST.") var host: String?
    @Option(help: "A single container, by name.") var container: String?
    @Option(name: .customLong("compose-project"), help: "A compose project...") var composeProject: String?
    @Option(name: .customLong("compose-service"), help: "...and its service.") var composeService: String?
    @Option(help: "The image reference the containers must run.") var image: String?
    @Option(name: .customLong("image-id"), help: "The image id the reference must resolve to.") var imageID: String?
    @Option(help: "The deadline (e.g. 120s).") var timeout = "120s"

    func run() throws {
        guard let deadline = ConfigDuration.parse(timeout) else {
            throw ValidationError("--timeout wants a duration such as 120s")
        }
        let subject: DockerReadinessWait.Subject
        switch (container, composeProject, composeService) {
        case (let name?, nil, nil): subject = .container(name)
        case (nil, let project?, let service?): subject = .compose(project: project, service: service)
        default: throw ValidationError("give --container, or --compose-project with --compose-service")
        }
        let wait = DockerReadinessWait(endpoint: DockerEndpoint(context: context, host: host), subject: subject,
                                       imageReference: image, imageID: imageID, timeout: deadline)
        let output = ActionOutput(format: .text)
        let ending = BlockingWait.run {
            await wait.run(runner: LiveCommandRunner()) { line in output.text(Sanitiser.sanitise(line)) }
        }
        switch ending {
        case .ready:
            output.text("ready")
        case .failed(let reason):
            ActionCommandSupport.writeError("not healthy: \(reason)")
            throw ExitCode(ActionExit.failed.rawValue)
        case .timedOut(let last):
            ActionCommandSupport.writeError("not ready within \(timeout)" + (last.isEmpty ? "" : ": \(last)"))
            throw ExitCode(DockerWaitArguments.timedOutStatus)
        }
    }
}
