/// The argv (after `kubectl` and the endpoint's flags, see `KubernetesEndpoint.command`) of every
/// kubectl call that changes a deployment. Names, images and causes are whole arguments.
public enum KubernetesActionCommands {
    /// `kubectl rollout status` exits 1 both when its `--timeout` passes and when the rollout is
    /// stuck (`ProgressDeadlineExceeded`); only the first prints these words on standard error.
    public static let rolloutTimedOutMessage = "timed out waiting for the condition"
    /// The status `rollout status` exits with on every failure.
    public static let rolloutFailedStatus: Int32 = 1
    /// The annotation `rollout history` shows in its CHANGE-CAUSE column; the deployment controller
    /// copies it from the deployment onto the ReplicaSet it makes or updates.
    public static let changeCauseAnnotation = "kubernetes.io/change-cause"

    /// Sets one container's image: a strategic-merge patch of the pod template, a new revision.
    public static func setImage(deployment: String, container: String, image: String) -> [String] {
        ["set", "image", "deployment/\(deployment)", "\(container)=\(image)"]
    }

    /// Records why the deployment changed, replacing any cause it had.
    public static func annotateChangeCause(deployment: String, cause: String) -> [String] {
        ["annotate", "deployment/\(deployment)", "\(changeCauseAnnotation)=\(cause)", "--overwrite"]
    }

    /// Waits until the rollout completes: 0 when it did, 1 when `timeout` passed or the rollout is stuck.
    public static func rolloutStatus(deployment: String, timeout: Duration) -> [String] {
        ["rollout", "status", "deployment/\(deployment)", "--timeout=\(KubernetesCommands.flagValue(timeout))"]
    }

    /// Puts back the pod template of `revision` (nil: the revision before the current one).
    public static func rolloutUndo(deployment: String, revision: Int?) -> [String] {
        ["rollout", "undo", "deployment/\(deployment)"] + (revision.map { ["--to-revision=\($0)"] } ?? [])
    }

    /// Replaces every pod with a new one of the same template (a `restartedAt` annotation on it).
    public static func rolloutRestart(deployment: String) -> [String] {
        ["rollout", "restart", "deployment/\(deployment)"]
    }
}
