extension ConfigReader {
    static let probeKeys = ["name", "url", "tcp", "command", "method", "headers", "body", "interval", "timeout",
                            "insecure", "expect", "consecutive"]
    static let probeCheckKeys = ["url", "tcp", "command"]
    /// Settings of the HTTP request, meaningless for tcp and command probes.
    static let httpOnlyProbeKeys = ["method", "headers", "body", "insecure"]
    static let httpMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// The probes of `service` in file order. `environmentOrder` orders messages that list environments.
    func readProbes(_ node: YAMLNode, of service: ServiceConfig, environmentOrder: [String]) -> [ProbeConfig] {
        let label = "probes in service \(Self.shown(service.name))"
        guard let items = node.items else {
            values.expected("a list of probes", for: label, found: node, hint: "e.g. - { name: health, url: /health }")
            return []
        }
        var probes: [ProbeConfig] = []
        var names: [String: YAMLPosition] = [:]
        for (index, item) in items.enumerated() {
            guard let probe = readProbe(item, number: index + 1, of: service, environmentOrder: environmentOrder,
                                        names: &names) else { continue }
            probes.append(probe)
        }
        return probes
    }

    private func readProbe(_ node: YAMLNode, number: Int, of service: ServiceConfig, environmentOrder: [String],
                           names: inout [String: YAMLPosition]) -> ProbeConfig? {
        var place = "probe \(number) of service \(Self.shown(service.name))"
        guard let map = KeyedMap(node, expected: "a map with a name and one of url, tcp or command", place: place,
                                 allowed: Self.probeKeys, log: log) else { return nil }
        var name: String?
        if let nameEntry = map.entry("name") {
            name = values.text(nameEntry.value, for: "name in \(place)", what: "a probe name")
            if let name {
                place = "probe \(Self.shown(name)) of service \(Self.shown(service.name))"
                if let first = names[name] {
                    log.report("a second probe named \(YAMLText.quoted(name)) in service \(Self.shown(service.name)) "
                               + "(the first is at line \(first.line), column \(first.column)); probe names are unique "
                               + "within a service", at: nameEntry.value.position)
                }
                names[name] = names[name] ?? nameEntry.value.position
            }
        } else {
            log.report("\(place) has no name: expected name: (e.g. health)", at: map.node.position)
        }
        let check = readCheck(map, place: place, service: service, environmentOrder: environmentOrder)
        let interval = map["interval"].flatMap { values.duration($0, for: "interval in \(place)") } ?? ProbeConfig.defaultInterval
        let timeout = map["timeout"].flatMap { values.duration($0, for: "timeout in \(place)") } ?? ProbeConfig.defaultTimeout
        if timeout > interval, let node = map["timeout"] ?? map["interval"] {
            log.report("timeout \(ConfigDuration.format(timeout)) is longer than interval \(ConfigDuration.format(interval)) "
                       + "in \(place): each check must end before the next starts", at: node.position)
        }
        let consecutive = map["consecutive"].flatMap {
            values.integer($0, for: "consecutive in \(place)", in: 1...100)
        } ?? ProbeConfig.defaultConsecutive
        var expect = ProbeExpectation()
        if let node = map["expect"], let check {
            expect = readExpectation(node, for: check, place: place) ?? expect
        }
        guard let name, let check else { return nil }
        return ProbeConfig(name: name, check: check, interval: interval, timeout: timeout, consecutive: consecutive,
                           expect: expect)
    }

    private func readCheck(_ map: KeyedMap, place: String, service: ServiceConfig,
                           environmentOrder: [String]) -> ProbeConfig.Check? {
        let given = Self.probeCheckKeys.filter(map.has)
        if given.count > 1, let second = map.entry(given[1]) {
            log.report("\(place) checks both \(given[0]) and \(given[1]); give one of url, tcp or command",
                       at: second.key.position)
            return nil
        }
        guard let kind = given.first, let node = map[kind] else {
            log.report("\(place) does not say what to check: expected url, tcp or command", at: map.node.position)
            return nil
        }
        if kind != "url" {
            for key in Self.httpOnlyProbeKeys {
                guard let entry = map.entry(key) else { continue }
                log.report("\(key) applies only to url probes, and \(place) checks \(kind)", at: entry.key.position)
            }
        }
        switch kind {
        case "url":
            return readHTTPCheck(map, url: node, place: place, service: service, environmentOrder: environmentOrder)
        case "tcp":
            return readTCPAddress(node, for: "tcp in \(place)").map { .tcp(host: $0.host, port: $0.port) }
        default:
            return readCommand(node, for: "command in \(place)").map(ProbeConfig.Check.command)
        }
    }

    private func readHTTPCheck(_ map: KeyedMap, url node: YAMLNode, place: String, service: ServiceConfig,
                               environmentOrder: [String]) -> ProbeConfig.Check? {
        let label = "url in \(place)"
        var url: String?
        if let text = node.text, text.hasPrefix("/") {
            url = text
            let missing = environmentOrder.filter { service.targets[$0] != nil && service.baseURL(in: $0) == nil }
            if !missing.isEmpty {
                log.report("\(label) is a path, and service \(Self.shown(service.name)) has no base_url for "
                           + missing.map(Self.shown).joined(separator: ", ")
                           + ": set base_url on the service or on those targets, or write the whole URL", at: node.position)
            }
        } else {
            url = values.url(node, for: label)
        }
        var check = ProbeConfig.HTTPCheck(url: url ?? "")
        if let methodNode = map["method"], let method = values.text(methodNode, for: "method in \(place)") {
            if Self.httpMethods.contains(method.uppercased()) {
                check.method = method.uppercased()
            } else {
                values.expected("one of " + Self.httpMethods.joined(separator: ", "), for: "method in \(place)", found: methodNode)
            }
        }
        if let headersNode = map["headers"], let pairs = values.textMap(headersNode, for: "headers in \(place)") {
            check.headers = readHeaders(pairs, place: place)
        }
        check.body = map["body"].flatMap { values.text($0, for: "body in \(place)") }
        check.insecure = map["insecure"].flatMap { values.bool($0, for: "insecure in \(place)") } ?? false
        return url == nil ? nil : .http(check)
    }

    /// Header names are HTTP tokens, and unique ignoring case (HTTP does not tell them apart).
    private func readHeaders(_ pairs: [(key: String, value: String, position: YAMLPosition)],
                             place: String) -> [String: String] {
        var headers: [String: String] = [:]
        var lowered = Set<String>()
        for pair in pairs {
            guard Self.isHeaderName(pair.key) else {
                log.report("\(YAMLText.quoted(pair.key)) in headers of \(place) is not a header name "
                           + "(letters, digits and -, e.g. Accept)", at: pair.position)
                continue
            }
            guard lowered.insert(pair.key.lowercased()).inserted else {
                log.report("the header \(YAMLText.quoted(pair.key)) appears twice in headers of \(place) "
                           + "(header names ignore case)", at: pair.position)
                continue
            }
            headers[pair.key] = pair.value
        }
        return headers
    }

    /// `host:port`, `[::1]:port`; the port from 1 to 65535.
    private func readTCPAddress(_ node: YAMLNode, for label: String) -> (host: String, port: Int)? {
        let expectation = "host:port"
        let example = "e.g. db.internal:5432 or [::1]:6379"
        guard let text = node.scalar.flatMap({ $0.isNull ? nil : $0.text }) else {
            values.expected(expectation, for: label, found: node, hint: example)
            return nil
        }
        let host: Substring, port: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else {
                values.expected(expectation, for: label, found: node, hint: example)
                return nil
            }
            port = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") {
            host = text[..<colon]
            port = text[text.index(after: colon)...]
        } else {
            values.expected(expectation, for: label, found: node, hint: example)
            return nil
        }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace), port.allSatisfy(\.isASCII),
              let number = Int(port), (1...65535).contains(number) else {
            values.expected(expectation + " with a port from 1 to 65535", for: label, found: node, hint: example)
            return nil
        }
        return (String(host), number)
    }

    private func readCommand(_ node: YAMLNode, for label: String) -> [String]? {
        if let scalar = node.scalar, !scalar.isNull {
            log.report("expected a list of arguments for \(label), e.g. [pg_isready, -h, db], found "
                       + "\(node.describe(quote: "\"")): opsdeck runs the program itself, without a shell",
                       at: node.position)
            return nil
        }
        return values.textList(node, for: label)
    }

    static func isHeaderName(_ text: String) -> Bool {
        // RFC 9110 token characters.
        !text.isEmpty && text.utf8.allSatisfy { byte in
            ASCII.isAlphanumeric(byte) || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
