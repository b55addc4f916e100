/// The capabilities: each runs the reads it needs and hands their output to a pure builder.
extension KubernetesProvider {
    // MARK: ServiceListing

    /// One snapshot per target, in (environment, service) order, from one `get` of each kind of
    /// workload the targets name (`deployments`, `rollouts.argoproj.io`, `statefulsets`,
    /// `daemonsets`) and one `get pods` of the namespace, in that order. Deployments
    /// that cannot be read throw a `KubernetesError`; the other kinds that cannot be read (no Argo
    /// Rollouts CRD, forbidden) leave their rows with a note; pods that cannot be read leave the
    /// rows on the workloads' own counters with a note saying why.
    public func services() async throws -> [ServiceSnapshot] {
        try await listing(readingPods: true)
    }

    /// The first frame's listing: the workloads alone, their rows on their own counters. The pods
    /// of a big namespace are most of the bytes (33 MB for 10,000), so the rows show in the time
    /// of `get deployments` and the full listing fills in the pods.
    public func quickServices() async throws -> [ServiceSnapshot]? {
        try await listing(readingPods: false)
    }

    func listing(readingPods: Bool) async throws -> [ServiceSnapshot] {
        let needed = workloadResources
        let deployments = needed.contains("deployments")
            ? try KubernetesDeployment.parse(try await read(KubernetesCommands.getDeployments())) : []
        let rollouts = needed.contains(KubernetesCommands.rolloutResource) ? await readRollouts() : OptionalRead()
        let statefulSets = needed.contains(KubernetesWorkloadSet.Kind.statefulSet.resource)
            ? await readWorkloadSets(.statefulSet) : OptionalRead()
        let daemonSets = needed.contains(KubernetesWorkloadSet.Kind.daemonSet.resource)
            ? await readWorkloadSets(.daemonSet) : OptionalRead()
        let (pods, podsProblem) = readingPods ? await readPods() : ([], nil)
        let countersOnly = !readingPods
        let byName = Dictionary(deployments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let index = KubernetesPodIndex(pods.filter(\.mayBelongToDeployment))
        return targets.keys.sorted { ($0.environment, $0.service) < ($1.environment, $1.service) }.map { key in
            let target = targets[key] ?? KubernetesTarget(context: endpoint.context, namespace: endpoint.namespace,
                                                          workload: .deployment(key.service))
            func missing(_ words: String) -> ServiceSnapshot {
                ServiceSnapshot(key: key, provider: self.name, note: words, reportedState: .unknown)
            }
            switch target.workload {
            case .deployment(let name):
                guard let deployment = byName[name] else { return missing("no deployment \(name) in namespace \(endpoint.namespace)") }
                return KubernetesSnapshotBuilder.snapshot(key, deployment: deployment, pods: index.pods(of: deployment),
                                                          container: target.container, podsProblem: podsProblem,
                                                          countersOnly: countersOnly)
            case .rollout(let name):
                if let problem = rollouts.problem { return missing("rollout \(name): \(problem)") }
                guard let rollout = rollouts.items.first(where: { $0.name == name }) else {
                    return missing("no Argo Rollout \(name) in namespace \(endpoint.namespace)")
                }
                return KubernetesRolloutSnapshotBuilder.snapshot(key, rollout: rollout, pods: pods.filter(rollout.owns),
                                                                 container: target.container, podsProblem: podsProblem,
                                                                 countersOnly: countersOnly)
            case .statefulset(let name), .daemonset(let name):
                let sets = target.statefulset != nil ? statefulSets : daemonSets
                let kind = Self.workloadKind(target)
                if let problem = sets.problem { return missing("read-only \(kind) \(name): \(problem)") }
                guard let workload = sets.items.first(where: { $0.name == name }) else {
                    return missing("no \(kind) \(name) in namespace \(endpoint.namespace)")
                }
                return KubernetesWorkloadSnapshotBuilder.snapshot(key, workload: workload, pods: pods.filter(workload.selects),
                                                                  container: target.container, podsProblem: podsProblem,
                                                                  countersOnly: countersOnly)
            }
        }
    }

    /// The namespace's pods, or why they cannot be read.
    func readPods() async -> (pods: [KubernetesPod], problem: String?) {
        do {
            return (try KubernetesPod.parse(try await read(KubernetesCommands.getPods())), nil)
        } catch let error as KubernetesError {
            return ([], error.message)
        } catch let error as DockerOutputError {
            return ([], error.description)
        } catch {
            return ([], "\(error)")
        }
    }

    // MARK: ReleaseHistory

    /// The deployment's revisions from its ReplicaSets, newest first: one `get deployment NAME`
    /// (its selector and current revision) and one `get replicasets -l SELECTOR`.
    /// An Argo Rollout's come from its ReplicaSets the same way (`rollout.argoproj.io/revision`);
    /// StatefulSets and DaemonSets are listed read-only and have none here.
    public func releases(of key: ServiceKey) async throws -> [Release] {
        switch try target(key).workload {
        case .deployment: break
        case .rollout:
            let (target, rollout) = try await rollout(of: key)
            let output = try await read(KubernetesCommands.getReplicaSets(selector: rollout.labelSelector))
            return KubernetesRolloutReleaseBuilder.releases(of: rollout, replicaSets: try KubernetesRolloutReplicaSet.parse(output),
                                                            container: target.container)
        case .statefulset, .daemonset: return []
        }
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
        switch try target(key).workload {
        case .deployment:
            let (_, deployment) = try await deployment(of: key)
            let pods = try KubernetesPod.parse(try await read(KubernetesCommands.getPods(selector: deployment.labelSelector)))
            return logSources(of: pods.filter { $0.mayBelongToDeployment && $0.belongs(to: deployment) }, tail: tail)
        case .rollout:
            let (_, rollout) = try await rollout(of: key)
            let pods = try KubernetesPod.parse(try await read(KubernetesCommands.getPods(selector: rollout.labelSelector)))
            return logSources(of: pods.filter(rollout.owns), tail: tail)
        case .statefulset, .daemonset:
            let (_, workload) = try await workloadSet(of: key)
            let pods = try KubernetesPod.parse(try await read(KubernetesCommands.getPods(selector: workload.labelSelector)))
            return logSources(of: pods.filter(workload.selects), tail: tail)
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
        case .daemonset: "DaemonSet"
        }
    }
}
