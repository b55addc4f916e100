/// The wait step of a Docker deploy: looks at the new containers every `interval` until
/// `DockerReadiness` says ready or failed, or the deadline passes. `opsdeck docker-wait` runs it as
/// a step of its own, so that the plan shows it as a command like every other step and it survives
/// the console that started it (it runs in its own process group).
public struct DockerReadinessWait: Sendable {
    /// What to wait for.
    public enum Subject: Hashable, Sendable {
        case container(String)
        case compose(project: String, service: String)
    }

    public enum Ending: Hashable, Sendable {
        case ready
        case failed(String)
        /// The deadline passed while it was still not ready: the last thing it was waiting for.
        case timedOut(String)
    }

    public var endpoint: DockerEndpoint
    public var subject: Subject
    public var imageReference: String?
    public var imageID: String?
    public var timeout: Duration
    public var interval: Duration

    public init(endpoint: DockerEndpoint, subject: Subject, imageReference: String?, imageID: String? = nil,
                timeout: Duration, interval: Duration = .milliseconds(500)) {
        self.endpoint = endpoint
        self.subject = subject
        self.imageReference = imageReference
        self.imageID = imageID
        self.timeout = timeout
        self.interval = interval
    }

    /// Polls until an ending. `report` hears every change of verdict (for the step's output).
    public func run(runner: any CommandRunner, report: (String) -> Void = { _ in }) async -> Ending {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var last = ""
        while true {
            let verdict: DockerReadiness
            do {
                verdict = DockerReadiness.judge(try await containers(runner: runner), imageReference: imageReference,
                                                imageID: imageID)
            } catch {
                verdict = .waiting("docker: \(error)")
            }
            switch verdict {
            case .ready:
                return .ready
            case .failed(let reason):
                return .failed(reason)
            case .waiting(let reason):
                if reason != last { report("waiting: \(reason)") }
                last = reason
            }
            guard clock.now < deadline else { return .timedOut(last) }
            do { try await clock.sleep(until: min(clock.now.advanced(by: interval), deadline), tolerance: nil) } catch {
                return .timedOut(last)
            }
        }
    }

    /// The containers the deploy made, as `docker inspect` sees them now.
    func containers(runner: any CommandRunner) async throws -> [DockerContainerDetails] {
        switch subject {
        case .container(let name):
            let command = endpoint.command(DockerCommands.inspectContainers([name]))
            let result = try await runner.run(command)
            // A container not there (yet) prints `[]` and fails: no container is an answer here.
            if !result.succeeded, result.standardError.lowercased().contains("no such") { return [] }
            guard result.succeeded else { throw CommandError.failed(command, result) }
            return try DockerContainerDetails.parse(inspectOutput: result.standardOutput).filter { $0.name == name }
        case .compose(let project, let service):
            let listing = try await runner.output(of: endpoint.command(
                DockerCommands.listContainers(composeProject: project)
                    + ["--filter", "label=\(DockerComposeLabels.serviceKey)=\(service)"]))
            let ids = try DockerContainerSummary.parse(psOutput: listing).map(\.id)
            guard !ids.isEmpty else { return [] }
            let output = try await runner.output(of: endpoint.command(DockerCommands.inspectContainers(ids)))
            return try DockerContainerDetails.parse(inspectOutput: output).filter { details in
                guard let labels = DockerComposeLabels(details.labels) else { return false }
                return labels.project == project && labels.service == service && !labels.isOneOff
            }
        }
    }
}
