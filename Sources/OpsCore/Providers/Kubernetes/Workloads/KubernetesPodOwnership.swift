/// Which controller family a pod comes from, by the label each one stamps on its pods: a pod that
/// carries an Argo Rollout's `rollouts-pod-template-hash` or a StatefulSet's or DaemonSet's
/// `controller-revision-hash` is never a Deployment's, even when its labels match a Deployment's
/// selector (a Deployment being migrated to a Rollout keeps its labels).
extension KubernetesPod {
    static let controllerRevisionLabel = "controller-revision-hash"

    /// Whether a Deployment may own this pod.
    var mayBelongToDeployment: Bool {
        labels[KubernetesRollout.podHashLabel] == nil && labels[Self.controllerRevisionLabel] == nil
    }
}
