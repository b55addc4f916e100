extension ConfigReader {
    static let environmentKeys = ["protected", "read_only", "auto_rollback", "prometheus", "docker", "kubernetes", "soak", "watch"]
    static let prometheusKeys = ["url", "bearer_token_env", "basic_auth_env"]
    /// Keys that would put a secret in the file, and what to write instead.
    static let prometheusSecretKeys: [String: String] = {
        let token = "set bearer_token_env to the name of an environment variable that holds the token"
        let basic = "set basic_auth_env to the name of an environment variable that holds user:password"
        return ["bearer_token": token, "token": token, "basic_auth": basic, "password": basic, "username": basic]
    }()
    /// Keys of a service that are not environments, so no environment may be called so.
    static let serviceSettingKeys = ["probes", "metrics", "base_url"]

    /// The environments in file order, which is the promotion order.
    func readEnvironments(in top: KeyedMap) -> [EnvironmentConfig] {
        guard let node = top["environments"] else {
            log.report("no environments: expected environments: with the environments in promotion order, "
                       + "e.g. environments: {staging: {}, production: {protected: true}}", at: top.node.position)
            return []
        }
        guard let map = KeyedMap(node, expected: "a map of environment names to their settings",
                                 place: "environments", allowed: nil, log: log) else { return [] }
        if map.entries.isEmpty {
            log.report("environments is empty: name at least one environment, e.g. staging: {}", at: node.position)
        }
        var environments: [EnvironmentConfig] = []
        for (name, entry) in map.named {
            if name.isEmpty {
                log.report("an environment needs a name", at: entry.key.position)
                continue
            }
            if Self.serviceSettingKeys.contains(name) {
                log.report("\(YAMLText.quoted(name)) cannot name an environment: services use \(name) as a setting",
                           at: entry.key.position)
                continue
            }
            if let environment = readEnvironment(named: name, entry.value) { environments.append(environment) }
        }
        return environments
    }

    private func readEnvironment(named name: String, _ node: YAMLNode) -> EnvironmentConfig? {
        let place = "environment \(Self.shown(name))"
        guard let map = KeyedMap(node, expected: "a map of settings (or {} for none)", place: place,
                                 allowed: Self.environmentKeys, nullIsEmpty: true, log: log) else { return nil }
        var environment = EnvironmentConfig(name: name)
        environment.protected = map["protected"].flatMap { values.bool($0, for: "protected in \(place)") } ?? false
        environment.readOnly = map["read_only"].flatMap { values.bool($0, for: "read_only in \(place)") } ?? false
        environment.autoRollback = map["auto_rollback"].flatMap { values.bool($0, for: "auto_rollback in \(place)") } ?? false
        if environment.autoRollback, let entry = map.entry("auto_rollback") {
            if environment.protected {
                log.report("auto_rollback cannot be true in \(place): it is protected, and nothing happens by itself "
                           + "in a protected environment", at: entry.key.position)
            } else if environment.readOnly {
                log.report("auto_rollback cannot be true in \(place): it is read-only, so nothing may change there",
                           at: entry.key.position)
            }
        }
        environment.soak = map["soak"].flatMap { values.duration($0, for: "soak in \(place)") }
        if let watch = map["watch"].flatMap({ values.duration($0, for: "watch in \(place)") }) {
            environment.watch = watch
        }
        environment.prometheus = map["prometheus"].flatMap { readPrometheus($0, of: name) }
        if let docker = map["docker"] { environment.docker = readDockerDefaults(docker, of: name) }
        if let kubernetes = map["kubernetes"] { environment.kubernetes = readKubernetesDefaults(kubernetes, of: name) }
        return environment
    }

    private func readPrometheus(_ node: YAMLNode, of environment: String) -> PrometheusConfig? {
        let place = "the prometheus settings of \(Self.shown(environment))"
        let explained = Self.prometheusSecretKeys.mapValues { instead in
            "a secret does not belong in this file (it is read, copied and committed): \(instead)"
        }
        guard let map = KeyedMap(node, expected: "a map with url and optionally bearer_token_env or basic_auth_env",
                                 place: place, allowed: Self.prometheusKeys, explained: explained, log: log) else { return nil }
        guard let urlNode = map["url"] else {
            log.report("\(place) need a url, e.g. url: https://prometheus.example.com", at: node.position)
            return nil
        }
        let url = values.url(urlNode, for: "url in \(place)")
        var credentials: PrometheusConfig.Credentials?
        if let token = map["bearer_token_env"],
           let name = values.environmentVariableName(token, for: "bearer_token_env in \(place)") {
            credentials = .bearerTokenEnvironment(name)
        }
        if let basic = map.entry("basic_auth_env") {
            if map.has("bearer_token_env") {
                log.report("\(place) have both bearer_token_env and basic_auth_env; give one", at: basic.key.position)
            } else if let name = values.environmentVariableName(basic.value, for: "basic_auth_env in \(place)") {
                credentials = .basicAuthEnvironment(name)
            }
        }
        return url.map { PrometheusConfig(url: $0, credentials: credentials) }
    }

    private func readDockerDefaults(_ node: YAMLNode, of environment: String) -> DockerEngineDefaults {
        let place = "the docker settings of \(Self.shown(environment))"
        guard let map = KeyedMap(node, expected: "a map with context or host", place: place,
                                 allowed: DockerEngineChoice.keys, log: log) else { return DockerEngineDefaults() }
        let engine = DockerEngineChoice.read(map, values: values, log: log)
        return DockerEngineDefaults(context: engine.context, host: engine.host)
    }

    private func readKubernetesDefaults(_ node: YAMLNode, of environment: String) -> KubernetesDefaults {
        let place = "the kubernetes settings of \(Self.shown(environment))"
        guard let map = KeyedMap(node, expected: "a map with context and namespace", place: place,
                                 allowed: ["context", "namespace"], log: log) else { return KubernetesDefaults() }
        return KubernetesDefaults(context: map["context"].flatMap { values.text($0, for: "context in \(place)") },
                                  namespace: map["namespace"].flatMap { values.text($0, for: "namespace in \(place)") })
    }
}
