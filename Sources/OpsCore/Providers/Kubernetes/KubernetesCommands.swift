/// The argv (after `kubectl` and the endpoint's `--context`, `--namespace` and
/// `--request-timeout`, see `KubernetesEndpoint.command`) of every kubectl read the adapter runs.
/// Names and selectors from outside are whole arguments, never parts of a shell string.
public enum KubernetesCommands {
    /// Per request: a healthy API server answers a namespace's list in well under a second.
    public static let requestTimeout: Duration = .seconds(5)
    /// Per call: kubectl retries discovery up to six times, so a silent server can keep a call with
    /// a 5 s request timeout alive for half a minute; opsdeck gives up sooner.
    public static let readDeadline: Duration = .seconds(20)

    /// The deployments of the namespace, or one of them, as one JSON document (a `List`, or the object).
    public static func getDeployments(named name: String? = nil) -> [String] {
        guard let name else { return ["get", "deployments", "-o", "json"] }
        return ["get", "deployment", name, "-o", "json"]
    }

    /// The replica sets a label selector picks (`app=web`), or all of the namespace's: a
    /// deployment's revisions are among them.
    public static func getReplicaSets(selector: String?) -> [String] {
        ["get", "replicasets", "-o", "json"] + (selector.map { ["-l", $0] } ?? [])
    }

    /// The pods of the namespace, or those a label selector picks.
    public static func getPods(selector: String? = nil) -> [String] {
        ["get", "pods", "-o", "json"] + (selector.map { ["-l", $0] } ?? [])
    }

    /// A deployment's revisions, each ReplicaSet as its own pretty document written back to back
    /// (kubectl ≥ 1.26), or the pod template of one revision.
    public static func rolloutHistory(deployment: String, revision: Int? = nil) -> [String] {
        ["rollout", "history", "deployment/\(deployment)", "-o", "json"] + (revision.map { ["--revision=\($0)"] } ?? [])
    }

    /// Follows every container of one pod from its last `tail` lines, each line led by
    /// `[pod/NAME/CONTAINER] ` and the kubelet's RFC 3339 time. `--tail` is always given: its
    /// default depends on the other flags.
    public static func followLogs(pod: String, tail: Int) -> [String] {
        ["logs", "--prefix", "--timestamps", "--all-containers", "-f", "--tail", String(max(0, tail)), "pod/\(pod)"]
    }

    /// Every change to the namespace's deployments: the current ones first, then one pretty
    /// object per change, back to back.
    public static func watchDeployments() -> [String] { watch("deployments") }

    /// Every change to the namespace's objects of `resource`, printed like the deployments'.
    public static func watch(_ resource: String) -> [String] {
        ["get", resource, "--watch", "-o", "json"]
    }

    /// A duration as kubectl's flags take it: `5s`, `1500ms`.
    static func flagValue(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        if milliseconds == 0 { return "\(max(0, seconds))s" }
        let (total, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        return overflow ? "\(seconds)s" : "\(max(0, total &+ milliseconds))ms"
    }
}
