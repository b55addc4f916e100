/// The capabilities: each runs the reads it needs and hands their output to a pure builder.
extension KubernetesProvider {
    // MARK: ServiceListing

    /// One snapshot per target, in (environment, service) order, from one `get deployments` and
    /// one `get pods` of the namespace. Deployments that cannot be read throw a
    /// `KubernetesError`; pods that cannot be read (forbidden) leave the rows on the
    /// deployments' counters with a note saying why.
    public func services() async throws -> [ServiceSnapshot] {
        let deployments = try KubernetesDeployment.parse(try await read(KubernetesCommands.getDeployments()))
        var pods: [KubernetesPod] = []
        var podsProblem: String?
        do {
            pods = try KubernetesPod.parse(try await read(KubernetesCommands.getPods()))
        } catch let error as KubernetesError {
            podsProblem = error.message
        } catch let error as DockerOutputError {
            podsProblem = error.description
        }
        let byName = Dictionary(deployments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let index = KubernetesPodIndex(pods)
        return targets.keys.sorted { ($0.environment, $0.service) < ($1.environment, $1.service) }.map { key in
            let target = targets[key] ?? KubernetesTarget(context: endpoint.context, namespace: endpoint.namespace,
                                                          workload: .deployment(key.service))
            guard let name = target.deployment else {
                return ServiceSnapshot(key: key, provider: self.name, note: KubernetesProviderError.unsupportedWorkload(
                    key, Self.workloadKind(target)).description, reportedState: .unknown)
            }
            guard let deployment = byName[name] else {
                return ServiceSnapshot(key: key, provider: self.name, note: "no deployment \(name) in namespace \(endpoint.namespace)",
                                       reportedState: .unknown)
            }
            return KubernetesSnapshotBuilder.snapshot(key, deployment: deployment, pods: index.pods(of: deployment),
                                                      container: target.container,
                                                      podsProblem: podsProblem)
        }
    }

    // MARK: ReleaseHistory

    /// The deployment's revisions from its ReplicaSets, newest first: one `get deployment NAME`
    /// (its selector and current revision) and one `get replicasets -l SELECTOR`.
    public func releases(of key: ServiceKey) async throws -> [Release] {
        let (target, deployment) = try await deployment(of: key)
        let output = try await read(KubernetesCommands.getReplicaSets(selector: deployment.labelSelector))
        return KubernetesReleaseBuilder.releases(of: deployment, replicaSets: try KubernetesReplicaSet.parse(output),
                                                 container: target.container)
    }

    // MARK: LogStreaming

    /// One followed `kubectl logs` a pod of the deployment (all its containers, each line
    /// prefixed with pod and container and stamped by the kubelet), named after the pod, in name
    /// order; at most `maxLogStreams`, pods still running chosen first. Called again when pods
    /// come and go, it picks up the new ones.
    public func logSources(of key: ServiceKey, tail: Int) async throws -> [LogSource] {
        let (_, deployment) = try await deployment(of: key)
        let pods = try KubernetesPod.parse(try await read(KubernetesCommands.getPods(selector: deployment.labelSelector)))
            .filter { $0.belongs(to: deployment) }
        let chosen = pods.sorted { ($0.terminating ? 1 : 0, $0.name) < ($1.terminating ? 1 : 0, $1.name) }
            .prefix(maxLogStreams).sorted { $0.name < $1.name }
        return chosen.map { pod in
            LogSource(name: pod.name,
                      command: endpoint.command(KubernetesCommands.followLogs(pod: pod.name, tail: tail), isLongRunning: true))
        }
    }

    /// The target of `key` and its deployment, read on its own.
    func deployment(of key: ServiceKey) async throws -> (KubernetesTarget, KubernetesDeployment) {
        let target = try target(key)
        guard let name = target.deployment else {
            throw KubernetesProviderError.unsupportedWorkload(key, Self.workloadKind(target))
        }
        let deployments = try KubernetesDeployment.parse(try await read(KubernetesCommands.getDeployments(named: name)))
        guard let deployment = deployments.first(where: { $0.name == name }) else {
            throw KubernetesProviderError.deploymentMissing(key, name, endpoint)
        }
        return (target, deployment)
    }

    static func workloadKind(_ target: KubernetesTarget) -> String {
        switch target.workload {
        case .deployment: "Deployment"
        case .rollout: "Argo Rollout"
        case .statefulset: "StatefulSet"
        }
    }
}
