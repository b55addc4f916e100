/// The reads of Argo Rollouts, StatefulSets and DaemonSets (after `kubectl` and the endpoint's
/// flags, see `KubernetesEndpoint.command`). Rollouts are named by their fully qualified resource,
/// so another CRD that happens to call its objects `rollouts` is never read by mistake.
extension KubernetesCommands {
    public static let rolloutResource = "rollouts.argoproj.io"

    /// The namespace's Argo Rollouts, or one of them, as one JSON document.
    public static func getRollouts(named name: String? = nil) -> [String] {
        ["get", rolloutResource] + (name.map { [$0] } ?? []) + ["-o", "json"]
    }

    /// The namespace's StatefulSets or DaemonSets, or one of them.
    public static func getWorkloadSets(_ kind: KubernetesWorkloadSet.Kind, named name: String? = nil) -> [String] {
        ["get", kind.resource] + (name.map { [$0] } ?? []) + ["-o", "json"]
    }
}

/// kubectl's answer when discovery has no `rollouts` resource: the CRD is not installed, which is
/// "no Argo here", not a failure of the listing.
enum KubernetesRolloutAbsence {
    static func isMissingCRD(_ error: KubernetesError) -> Bool {
        error.kind == .other && error.message.contains("doesn't have a resource type \"rollouts")
    }

    static let words = "the Argo Rollouts CRD (rollouts.argoproj.io) is not installed in this cluster"
}
