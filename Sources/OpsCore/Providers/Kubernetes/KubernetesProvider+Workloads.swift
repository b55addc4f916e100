/// The reads of the workloads beside Deployments: Argo Rollouts, and the StatefulSets and
/// DaemonSets listed read-only. Each is read only when a configured target needs it, and a read
/// that fails leaves its rows with a note instead of failing the whole listing.
extension KubernetesProvider {
    /// What one optional read gave: the objects, or why there are none.
    struct OptionalRead<Item: Sendable>: Sendable {
        var items: [Item] = []
        var problem: String?
    }

    /// The workload resources the targets of this endpoint name (`deployments`, `statefulsets`, …).
    var workloadResources: Set<String> { Set(targets.values.map(\.workload.resource)) }

    /// `get rollouts.argoproj.io`; with no CRD the rollouts are simply absent, and a rollout target
    /// then says the CRD is missing.
    func readRollouts() async -> OptionalRead<KubernetesRollout> {
        await optionalRead(KubernetesCommands.getRollouts(), parse: KubernetesRollout.parse)
    }

    func readWorkloadSets(_ kind: KubernetesWorkloadSet.Kind) async -> OptionalRead<KubernetesWorkloadSet> {
        await optionalRead(KubernetesCommands.getWorkloadSets(kind)) { output throws(DockerOutputError) in
            try KubernetesWorkloadSet.parse(output, kind: kind)
        }
    }

    func optionalRead<Item: Sendable>(_ arguments: [String],
                                      parse: ([UInt8]) throws(DockerOutputError) -> [Item]) async -> OptionalRead<Item> {
        do {
            return OptionalRead(items: try parse(try await read(arguments)))
        } catch let error as KubernetesError {
            return OptionalRead(problem: KubernetesRolloutAbsence.isMissingCRD(error) ? KubernetesRolloutAbsence.words
                                : error.message)
        } catch let error as DockerOutputError {
            return OptionalRead(problem: error.description)
        } catch {
            return OptionalRead(problem: "\(error)")
        }
    }

    /// One rollout, read on its own (history, logs, actions).
    func rollout(of key: ServiceKey) async throws -> (KubernetesTarget, KubernetesRollout) {
        let target = try target(key)
        guard let name = target.rollout else { throw KubernetesProviderError.unsupportedWorkload(key, Self.workloadKind(target)) }
        let output: [UInt8]
        do {
            output = try await read(KubernetesCommands.getRollouts(named: name))
        } catch let error as KubernetesError where KubernetesRolloutAbsence.isMissingCRD(error) {
            throw KubernetesProviderError.rolloutsNotInstalled(key, endpoint)
        }
        guard let rollout = try KubernetesRollout.parse(output).first(where: { $0.name == name }) else {
            throw KubernetesProviderError.workloadMissing(key, "rollout \(name)", endpoint)
        }
        return (target, rollout)
    }

    /// One StatefulSet or DaemonSet, read on its own (logs).
    func workloadSet(of key: ServiceKey) async throws -> (KubernetesTarget, KubernetesWorkloadSet) {
        let target = try target(key)
        let kind: KubernetesWorkloadSet.Kind
        let name: String
        switch target.workload {
        case .statefulset(let named): (kind, name) = (.statefulSet, named)
        case .daemonset(let named): (kind, name) = (.daemonSet, named)
        case .deployment, .rollout: throw KubernetesProviderError.unsupportedWorkload(key, Self.workloadKind(target))
        }
        let output = try await read(KubernetesCommands.getWorkloadSets(kind, named: name))
        guard let workload = try KubernetesWorkloadSet.parse(output, kind: kind).first(where: { $0.name == name }) else {
            throw KubernetesProviderError.workloadMissing(key, "\(kind.resource.dropLast()) \(name)", endpoint)
        }
        return (target, workload)
    }

    /// The followed log commands of `pods`: running ones first, at most `maxLogStreams`, in name order.
    func logSources(of pods: [KubernetesPod], tail: Int) -> [LogSource] {
        let chosen = pods.sorted { ($0.terminating ? 1 : 0, $0.name) < ($1.terminating ? 1 : 0, $1.name) }
            .prefix(maxLogStreams).sorted { $0.name < $1.name }
        return chosen.map { pod in
            LogSource(name: pod.name,
                      command: endpoint.command(KubernetesCommands.followLogs(pod: pod.name, tail: tail), isLongRunning: true))
        }
    }
}
