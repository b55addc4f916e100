/// A namespace's pods by the deployment that owns them, built once per listing: asking every
/// deployment to test every pod is 10 million checks for 1,000 deployments and 10,000 pods.
///
/// Gives each deployment exactly the pods `KubernetesPod.belongs(to:)` accepts: a pod owned by a
/// ReplicaSet named `<deployment>-<pod-template-hash>` is filed under that deployment's name; a
/// pod without that link is kept aside and matched by labels, as `belongs(to:)` does.
struct KubernetesPodIndex {
    private var byDeployment: [String: [KubernetesPod]] = [:]
    private var unlinked: [KubernetesPod] = []

    init(_ pods: [KubernetesPod]) {
        for pod in pods {
            if let owner = pod.ownerReplicaSet, let hash = pod.labels[KubernetesAnnotations.podTemplateHash] {
                // `web-7c9d8f6b5d` with hash `7c9d8f6b5d` belongs to `web`; an owner that does not end
                // in `-<hash>` belongs to no deployment (belongs(to:) compares the whole name).
                let suffix = "-" + hash
                guard owner.hasSuffix(suffix), owner.count > suffix.count else { continue }
                byDeployment[String(owner.dropLast(suffix.count)), default: []].append(pod)
            } else {
                unlinked.append(pod)
            }
        }
    }

    /// The pods of `deployment`, in the order they were listed.
    func pods(of deployment: KubernetesDeployment) -> [KubernetesPod] {
        let linked = byDeployment[deployment.name] ?? []
        guard !unlinked.isEmpty else { return linked }
        return linked + unlinked.filter { $0.belongs(to: deployment) }
    }
}
