/// How deploys are planned, whatever the platform: where opsdeck's own files go, the executable
/// that runs opsdeck's own steps (a readiness wait), and the deadlines of each kind of step.
public struct ActionSettings: Hashable, Sendable {
    /// The `opsdeck` executable that runs opsdeck's own steps (`opsdeck docker-wait …`): the running
    /// one, by its absolute path, so the step runs the same build whatever `PATH` says.
    public var opsdeckExecutable: String
    /// opsdeck's state folder (`$XDG_STATE_HOME/opsdeck`): files a plan writes (compose overrides)
    /// go under it, never beside the user's own files.
    public var stateFolder: String
    /// How long the new version has to run and turn healthy.
    public var readyTimeout: Duration
    /// The old version's grace period when stopped (`docker stop -t`).
    public var stopGraceSeconds: Int
    /// Starting the new version may pull an image (`docker run`, `compose up`): a generous deadline.
    public var startTimeout: Duration
    /// Quick steps: rename, stop, rm, start.
    public var shortTimeout: Duration

    public init(opsdeckExecutable: String, stateFolder: String, readyTimeout: Duration = .seconds(120),
                stopGraceSeconds: Int = 10, startTimeout: Duration = .seconds(300), shortTimeout: Duration = .seconds(60)) {
        self.opsdeckExecutable = opsdeckExecutable
        self.stateFolder = stateFolder
        self.readyTimeout = readyTimeout
        self.stopGraceSeconds = stopGraceSeconds
        self.startTimeout = startTimeout
        self.shortTimeout = shortTimeout
    }
}
