extension ConfigReader {
    static let localTargetKeys = ["provider", "command", "version", "versions", "port", "ready_path", "env", "directory",
                                  "base_url"]
    static let localSettingKeys = ["state"]

    /// `command`, `version` and `port` are required; the rest have defaults.
    func readLocalTarget(_ map: KeyedMap) -> LocalTarget? {
        let place = map.place
        var valid = true
        func required(_ key: String, _ what: String) -> YAMLNode? {
            if let node = map[key] { return node }
            log.report("\(place) has no \(key): expected \(what)", at: map.node.position)
            valid = false
            return nil
        }
        let commandNode = required("command", "the argv list its instances run, e.g. [./api, --port, \"{port}\"]")
        let command = commandNode.flatMap { values.textList($0, for: "command in \(place)") }
        let version = required("version", "the version opsdeck local up starts, e.g. 1.4.0").flatMap { readVersion($0, for: "version in \(place)") }
        let port = required("port", "the front port on 127.0.0.1 the service is reached on")
            .flatMap { values.integer($0, for: "port in \(place)", in: 1...65535, what: "a port") }
        var versions: [String] = []
        if let node = map["versions"] {
            if let items = node.items {
                for (index, item) in items.enumerated() {
                    if let version = readVersion(item, for: "item \(index + 1) of versions in \(place)") { versions.append(version) } else { valid = false }
                }
            } else {
                values.expected("a list of versions", for: "versions in \(place)", found: node)
                valid = false
            }
        }
        var readyPath = "/ready"
        if let node = map["ready_path"] {
            if let path = values.text(node, for: "ready_path in \(place)", what: "a path"), path.hasPrefix("/"),
               path.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
                readyPath = path
            } else {
                if node.scalar?.text.hasPrefix("/") == false {
                    values.expected("a path starting with /", for: "ready_path in \(place)", found: node, hint: "e.g. /ready")
                }
                valid = false
            }
        }
        var environment: [String: String] = [:]
        if let node = map["env"] {
            if let pairs = values.textMap(node, for: "env in \(place)") {
                for pair in pairs {
                    guard ValueReader.isVariableName(pair.key) else {
                        log.report("\(YAMLText.quoted(pair.key)) in env of \(place) is not a variable name (letters, digits and _)",
                                   at: pair.position)
                        valid = false
                        continue
                    }
                    environment[pair.key] = pair.value
                }
            } else {
                valid = false
            }
        }
        let directory = map["directory"].flatMap { values.text($0, for: "directory in \(place)", what: "a folder path") }
        if map.has("directory") && directory == nil { valid = false }
        guard valid, let command, let version, let port else { return nil }
        return LocalTarget(command: command, version: version, versions: versions, port: port, readyPath: readyPath,
                           environment: environment, directory: directory)
    }

    private func readVersion(_ node: YAMLNode, for label: String) -> String? {
        guard let text = values.text(node, for: label, what: "a version") else { return nil }
        guard LocalTarget.isVersion(text) else {
            values.expected("a version (letters, digits, ., _, + and -, not starting with - or .)", for: label, found: node)
            return nil
        }
        return text
    }

    /// Top-level `local: { state: FOLDER }`: the local provider's state folder, nil when unset.
    func readLocalSettings(in top: KeyedMap) -> String? {
        guard let node = top["local"] else { return nil }
        guard let map = KeyedMap(node, expected: "a map with state: (a folder)", place: "local",
                                 allowed: Self.localSettingKeys, log: log) else { return nil }
        return map["state"].flatMap { values.text($0, for: "state in local", what: "a folder path") }
    }
}

extension OpsdeckConfig {
    /// Every local target with the top-level `local: {state:}` folder filled in.
    func withLocalStateFolder(_ folder: String?) -> OpsdeckConfig {
        guard let folder else { return self }
        return mappingLocalTargets { $0.stateFolder = folder }
    }

    /// The local targets' folders made absolute: `~` expanded, a relative path taken from
    /// `configFolder` (the folder of the configuration file), which is also where instances run
    /// when the target names no `directory`. The command's executable is left as written.
    public func resolvingLocalPaths(configFolder: String, paths: StatePaths = .current()) -> OpsdeckConfig {
        func absolute(_ path: String) -> String {
            let expanded = paths.expandingTilde(path)
            return expanded.hasPrefix("/") ? expanded : StatePaths.joined(configFolder, expanded)
        }
        return mappingLocalTargets { target in
            target.directory = target.directory.map(absolute) ?? configFolder
            target.stateFolder = target.stateFolder.map(absolute)
        }
    }

    private func mappingLocalTargets(_ change: (inout LocalTarget) -> Void) -> OpsdeckConfig {
        var config = self
        for index in config.services.indices {
            for (environment, target) in config.services[index].targets {
                guard case .local(var local) = target else { continue }
                change(&local)
                config.services[index].targets[environment] = .local(local)
            }
        }
        return config
    }
}
