/// The plan that replaces a single container with one of another image, keeping its settings, so
/// that at every moment either the old container or the new one holds the name:
///
/// 1. `rename NAME NAME-opsdeck-old`   (the old one steps aside, still running)
/// 2. `stop -t N NAME-opsdeck-old`
/// 3. `run -d --name NAME … IMAGE`     (settings carried over, see `DockerRunArguments`)
/// 4. `opsdeck docker-wait --container NAME …`   (running, and healthy when it has a healthcheck)
/// 5. `rm NAME-opsdeck-old`
///
/// When step 2, 3 or 4 fails, the recovery removes the new container (if any), gives the old one
/// its name back and starts it; so does a stop request (SIGHUP, SIGTERM) between steps 1 and 4. A
/// failing step 5, or a stop before it, leaves the new container serving (it proved healthy) and
/// the stopped old one aside, which the report says.
public enum DockerSwapPlanner {
    /// The name the old container carries while the new one starts.
    public static func asideName(of name: String) -> String { name + "-opsdeck-old" }

    public struct Request: Hashable, Sendable {
        public var change: DockerImageChange
        public var container: DockerContainerConfig
        public var oldImage: DockerImageConfig

        public init(_ change: DockerImageChange, container: DockerContainerConfig, oldImage: DockerImageConfig) {
            self.change = change
            self.container = container
            self.oldImage = oldImage
        }
    }

    public static func plan(_ request: Request, settings: ActionSettings) throws(DockerDeploymentError) -> PreparedAction {
        let name = request.container.name
        guard DockerIdentifiers.isContainerName(name) else {
            throw .notRecreatable("\(name) is not a container name docker accepts, so it cannot be recreated under it")
        }
        let aside = asideName(of: name)
        let run: [String]
        do {
            run = try DockerRunArguments.arguments(recreating: request.container, from: request.oldImage, name: name,
                                                   image: request.change.imageReference)
        } catch {
            throw .notRecreatable(error.description)
        }
        let endpoint = request.change.endpoint
        func docker(_ arguments: [String], _ timeout: Duration? = nil) -> Command {
            endpoint.command(arguments, timeout: timeout ?? settings.shortTimeout)
        }
        let wait = DockerReadinessWait(endpoint: endpoint, subject: .container(name), imageReference: request.change.imageReference,
                                       imageID: request.change.imageID, timeout: settings.readyTimeout)
        let steps = [
            ActionPlan.Step("move the old container aside", docker(["rename", name, aside])),
            ActionPlan.Step("stop the old container", docker(["stop", "-t", String(settings.stopGraceSeconds), aside],
                                                             settings.shortTimeout + .seconds(settings.stopGraceSeconds))),
            ActionPlan.Step("start the new container from \(request.change.imageReference)", docker(run, settings.startTimeout)),
            ActionPlan.Step("wait until it runs and is healthy", settings.waitCommand(wait)),
            ActionPlan.Step("remove the old container", docker(["rm", aside])),
        ]
        let putBack = [
            ActionPlan.Step("give the old container its name back", docker(["rename", aside, name])),
            ActionPlan.Step("start the old container", docker(["start", name])),
        ]
        let removeNew = ActionPlan.Step("remove the new container", docker(["rm", "-f", name]))
        let plan = request.change.plan(steps)
        return PreparedAction(plan: plan, fromDigest: request.change.fromDigest, toDigest: request.change.toDigest,
                                recoveries: [1: putBack, 2: [removeNew] + putBack, 3: [removeNew] + putBack],
                                recoveriesWhenStopped: [1: putBack, 2: putBack, 3: [removeNew] + putBack],
                                waitStepIndex: 3, waitTimedOutStatus: DockerWaitArguments.timedOutStatus,
                                recoveryWords: "the old container is put back")
    }
}
