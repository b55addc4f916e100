extension ConfigReader {
    /// The names under `environments:` as written, including any whose settings have errors, so
    /// that a broken environment does not also make every service that runs there an error.
    func declaredEnvironmentNames(in top: KeyedMap) -> [String] {
        top["environments"]?.entries?.compactMap(\.keyText) ?? []
    }

    /// The services in file order.
    func readServices(in top: KeyedMap, environments: [EnvironmentConfig]) -> [ServiceConfig] {
        guard let node = top["services"] else {
            log.report("no services: expected services: with where each service runs in each environment, e.g. "
                       + "services: {api: {staging: {provider: docker, project: shop-staging, service: api}}}",
                       at: top.node.position)
            return []
        }
        guard let map = KeyedMap(node, expected: "a map of service names to where they run", place: "services",
                                 allowed: nil, log: log) else { return [] }
        if map.entries.isEmpty {
            log.report("services is empty: name at least one service and where it runs", at: node.position)
        }
        let declared = declaredEnvironmentNames(in: top)
        var services: [ServiceConfig] = []
        for (name, entry) in map.named {
            guard !name.isEmpty else {
                log.report("a service needs a name", at: entry.key.position)
                continue
            }
            if let service = readService(named: name, entry, environments: environments, declared: declared) {
                services.append(service)
            }
        }
        return services
    }

    private func readService(named name: String, _ entry: YAMLEntry, environments: [EnvironmentConfig],
                             declared: [String]) -> ServiceConfig? {
        let place = "service \(Self.shown(name))"
        guard let map = KeyedMap(entry.value, expected: "a map of environments to where the service runs there",
                                 place: place, allowed: nil, log: log) else { return nil }
        var service = ServiceConfig(name: name, targets: [:])
        var namesAnEnvironment = false
        for (key, item) in map.named where !Self.serviceSettingKeys.contains(key) {
            namesAnEnvironment = true
            guard declared.contains(key) else {
                reportUndeclared(key, item, in: place, declared: declared)
                continue
            }
            let environment = environments.first { $0.name == key } ?? EnvironmentConfig(name: key)
            if let target = readTarget(item.value, service: name, environment: environment) {
                service.targets[key] = target.target
                if let baseURL = target.baseURL { service.targetBaseURLs[key] = baseURL }
            }
        }
        if !namesAnEnvironment {
            log.report("\(place) runs nowhere: give it at least one environment ("
                       + declared.map(Self.shown).joined(separator: ", ") + ") with a provider", at: entry.key.position)
        }
        service.baseURL = map["base_url"].flatMap { values.url($0, for: "base_url in \(place)") }
        if let probes = map["probes"] { service.probes = readProbes(probes, of: service, environmentOrder: declared) }
        if let metrics = map["metrics"] { service.metrics = readMetrics(metrics, of: service, environmentOrder: declared) }
        return service
    }

    /// A key of a service that is neither a setting nor a declared environment. One whose value
    /// looks like a target (it has a provider) is an environment missing from `environments:`.
    private func reportUndeclared(_ key: String, _ item: YAMLEntry, in place: String, declared: [String]) {
        let looksLikeTarget = item.value.entries?.contains { $0.keyText == "provider" } ?? false
        guard looksLikeTarget else {
            log.report(KeyedMap.unknownKey(key, in: place, expected: declared + Self.serviceSettingKeys), at: item.key.position)
            return
        }
        let known = declared.isEmpty ? "none are" : "declared: " + declared.map(Self.shown).joined(separator: ", ")
        var message = "environment \(YAMLText.quoted(key)) of \(place) is not declared under environments (\(known))"
        if let guess = NameSuggestion.closest(to: key, among: declared) {
            message += "; did you mean \"\(Self.shown(guess))\"?"
        }
        log.report(message, at: item.key.position)
    }
}
