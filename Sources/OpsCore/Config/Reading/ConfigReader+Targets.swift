extension ConfigReader {
    static let dockerTargetKeys = ["provider", "project", "service", "container", "labels", "context", "host", "base_url"]
    static let kubernetesTargetKeys = ["provider", "context", "namespace", "deployment", "rollout", "statefulset",
                                       "daemonset", "container", "base_url"]
    static let flyTargetKeys = ["provider", "app", "base_url"]
    static let kubernetesWorkloadKeys = ["deployment", "rollout", "statefulset", "daemonset"]

    /// Where a service runs in one environment, and the target's own base URL.
    func readTarget(_ node: YAMLNode, service: String, environment: EnvironmentConfig)
        -> (target: ProviderTarget, baseURL: String?)? {
        let label = "the \(Self.shown(environment.name)) target of \(Self.shown(service))"
        guard let entries = node.entries else {
            values.expected("a map with a provider and where the service runs", for: label, found: node,
                            hint: "e.g. { provider: docker, project: shop-staging, service: api }")
            return nil
        }
        guard let providerNode = entries.first(where: { $0.keyText == "provider" })?.value else {
            log.report("\(label) has no provider (expected provider: "
                       + ProviderTarget.supportedProviders.joined(separator: ", ") + ")", at: node.position)
            return nil
        }
        guard let provider = values.text(providerNode, for: "provider in \(label)", what: "a provider name") else { return nil }
        let place = "the \(Self.shown(provider)) target of \(Self.shown(service))/\(Self.shown(environment.name))"
        let target: ProviderTarget?
        let map: KeyedMap?
        // `node` is known to be a map here, so the "expected" words of KeyedMap are never shown.
        switch provider {
        case "docker":
            map = KeyedMap(node, expected: "", place: place, allowed: Self.dockerTargetKeys, log: log)
            target = map.flatMap { readDockerTarget($0, environment: environment) }.map(ProviderTarget.docker)
        case "kubernetes":
            map = KeyedMap(node, expected: "", place: place, allowed: Self.kubernetesTargetKeys, log: log)
            target = map.flatMap { readKubernetesTarget($0, environment: environment) }.map(ProviderTarget.kubernetes)
        case "fly":
            map = KeyedMap(node, expected: "", place: place, allowed: Self.flyTargetKeys, log: log)
            target = map.flatMap { readFlyTarget($0) }.map(ProviderTarget.fly)
        case "local":
            map = KeyedMap(node, expected: "", place: place, allowed: Self.localTargetKeys, log: log)
            target = map.flatMap { readLocalTarget($0) }.map(ProviderTarget.local)
        default:
            reportUnsupported(provider, at: providerNode.position, in: label)
            return nil
        }
        var baseURL = map?["base_url"].flatMap { values.url($0, for: "base_url in \(place)") }
        // A local service is reached on its front port: probes go there unless told otherwise.
        if baseURL == nil, case .local(let local)? = target { baseURL = "http://127.0.0.1:\(local.port)" }
        return target.map { ($0, baseURL) }
    }

    private func reportUnsupported(_ provider: String, at position: YAMLPosition, in label: String) {
        let supported = ProviderTarget.supportedProviders.joined(separator: ", ")
        if ProviderTarget.plannedProviders.contains(provider) {
            log.report("provider \(YAMLText.quoted(provider)) in \(label) is not supported yet (supported: \(supported))",
                       at: position)
            return
        }
        var message = "unknown provider \(YAMLText.quoted(provider)) in \(label) (expected one of: \(supported)"
        if let guess = NameSuggestion.closest(to: provider, among: ProviderTarget.supportedProviders) {
            message += "; did you mean \"\(guess)\"?"
        }
        log.report(message + ")", at: position)
    }

    /// A compose service (project + service), a container name or a label selector: exactly one.
    private func readDockerTarget(_ map: KeyedMap, environment: EnvironmentConfig) -> DockerTarget? {
        let place = map.place
        var selectors: [(key: String, selector: DockerTarget.Selector?)] = []
        var valid = true
        switch (map.entry("project"), map.entry("service")) {
        case let (project?, service?):
            let projectName = values.text(project.value, for: "project in \(place)", what: "a compose project name")
            let serviceName = values.text(service.value, for: "service in \(place)", what: "a compose service name")
            selectors.append(("project", projectName.flatMap { p in serviceName.map { .compose(project: p, service: $0) } }))
        case let (project?, nil):
            log.report("project needs service too (the compose service's name) in \(place)", at: project.key.position)
            valid = false
        case let (nil, service?):
            log.report("service needs project too (the compose project's name) in \(place)", at: service.key.position)
            valid = false
        case (nil, nil):
            break
        }
        if let container = map["container"] {
            selectors.append(("container", values.text(container, for: "container in \(place)", what: "a container name")
                .map(DockerTarget.Selector.container)))
        }
        if let labels = map["labels"] {
            selectors.append(("labels", readLabels(labels, for: "labels in \(place)").map(DockerTarget.Selector.labels)))
        }
        let engine = DockerEngineChoice.read(map, values: values, log: log)
        if selectors.count > 1, let second = map.entry(selectors[1].key) {
            log.report("\(place) names its containers twice (\(selectors.map(\.key).joined(separator: " and "))); "
                       + "give one of: project with service, container, labels", at: second.key.position)
            return nil
        }
        guard valid else { return nil }
        guard let chosen = selectors.first else {
            log.report("\(place) does not say which containers: expected project with service (a compose service), "
                       + "container (a container name) or labels (a map of labels)", at: map.node.position)
            return nil
        }
        guard let selector = chosen.selector else { return nil }
        // The environment's engine applies only when the target names none of its own.
        let own = engine.context != nil || engine.host != nil || map.has("context") || map.has("host")
        return DockerTarget(selector, context: own ? engine.context : environment.docker.context,
                            host: own ? engine.host : environment.docker.host)
    }

    private func readLabels(_ node: YAMLNode, for label: String) -> [String: String]? {
        guard let pairs = values.textMap(node, for: label) else { return nil }
        guard !pairs.isEmpty else {
            values.expected("a map of at least one label to its value", for: label, found: node)
            return nil
        }
        return Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private func readKubernetesTarget(_ map: KeyedMap, environment: EnvironmentConfig) -> KubernetesTarget? {
        let place = map.place
        let environmentName = Self.shown(environment.name)
        func required(_ key: String, default fallback: String?) -> String? {
            if let node = map[key] { return values.text(node, for: "\(key) in \(place)") }
            if let fallback { return fallback }
            log.report("\(place) has no \(key): set \(key) here, or under environments: \(environmentName): kubernetes: "
                       + "(opsdeck never relies on the current \(key))", at: map.node.position)
            return nil
        }
        let context = required("context", default: environment.kubernetes.context)
        let namespace = required("namespace", default: environment.kubernetes.namespace)
        let container = map["container"].flatMap { values.text($0, for: "container in \(place)", what: "a container name") }
        let given = Self.kubernetesWorkloadKeys.filter(map.has)
        guard given.count == 1, let kind = given.first, let node = map[kind] else {
            if given.count > 1, let second = map.entry(given[1]) {
                log.report("\(place) names two workloads (\(given.joined(separator: " and "))); give one", at: second.key.position)
            } else {
                log.report("\(place) names no workload: expected deployment, rollout (Argo Rollouts), "
                           + "statefulset or daemonset (both read-only)",
                           at: map.node.position)
            }
            return nil
        }
        guard let name = values.text(node, for: "\(kind) in \(place)", what: "a \(kind) name") else { return nil }
        let workload: KubernetesTarget.Workload = switch kind {
        case "rollout": .rollout(name)
        case "statefulset": .statefulset(name)
        case "daemonset": .daemonset(name)
        default: .deployment(name)
        }
        guard let context, let namespace else { return nil }
        return KubernetesTarget(context: context, namespace: namespace, workload: workload, container: container)
    }

    private func readFlyTarget(_ map: KeyedMap) -> FlyTarget? {
        guard let node = map["app"] else {
            log.report("\(map.place) has no app: expected app: with the Fly app's name", at: map.node.position)
            return nil
        }
        return values.text(node, for: "app in \(map.place)", what: "a Fly app name").map(FlyTarget.init(app:))
    }
}

/// `context` or `host`, at most one: both choose a Docker engine, in an environment's settings
/// and in a target alike.
enum DockerEngineChoice {
    static let keys = ["context", "host"]
    static let hostSchemes = ["unix://", "tcp://", "ssh://", "fd://", "npipe://"]

    static func read(_ map: KeyedMap, values: ValueReader, log: IssueLog) -> (context: String?, host: String?) {
        let context = map["context"].flatMap { values.text($0, for: "context in \(map.place)", what: "a docker context name") }
        guard let hostEntry = map.entry("host") else { return (context, nil) }
        if map.has("context") {
            log.report("give context or host in \(map.place), not both: each chooses the Docker engine",
                       at: hostEntry.key.position)
            return (context, nil)
        }
        let label = "host in \(map.place)"
        guard let host = values.text(hostEntry.value, for: label, what: "a Docker host") else { return (nil, nil) }
        guard let scheme = hostSchemes.first(where: { host.hasPrefix($0) }), host.count > scheme.count else {
            values.expected("a Docker host", for: label, found: hostEntry.value,
                            hint: "e.g. unix:///var/run/docker.sock, tcp://10.0.0.5:2376 or ssh://deploy@host")
            return (nil, nil)
        }
        return (nil, host)
    }
}
