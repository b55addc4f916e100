/// OTLP/JSON: `resourceLogs[].scopeLogs[].logRecords[]`, many records per line. Each record is
/// flattened into a plain object (AnyValues unwrapped, `attributes` as keys, the resource's
/// `service.name`) that the ordinary normaliser reads.
enum OTLPEnvelope {
    static func records(_ resourceLogs: JSONValue) -> [JSONValue] {
        guard case .array(let resources) = resourceLogs else { return [] }
        var out: [JSONValue] = []
        for resource in resources {
            let resourceAttributes = attributes(resource["resource"]?["attributes"])
            guard case .array(let scopes)? = resource["scopeLogs"] ?? resource["instrumentationLibraryLogs"] else { continue }
            for scope in scopes {
                guard case .array(let records)? = scope["logRecords"] ?? scope["logs"] else { continue }
                for record in records {
                    guard case .object(let members) = record else { continue }
                    var flat: [JSONMember] = []
                    for member in members {
                        switch member.key {
                        case "attributes": flat.append(contentsOf: attributes(member.value))
                        case "body": flat.append(JSONMember("body", anyValue(member.value)))
                        default: flat.append(member)
                        }
                    }
                    for attribute in resourceAttributes where !flat.contains(where: { $0.key == attribute.key }) {
                        flat.append(attribute)
                    }
                    out.append(.object(flat))
                }
            }
        }
        return out
    }

    /// `[{key, value: AnyValue}]` as members.
    static func attributes(_ value: JSONValue?) -> [JSONMember] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap { item in
            guard let key = item["key"]?.stringValue else { return nil }
            return JSONMember(key, anyValue(item["value"] ?? .null))
        }
    }

    /// `{"stringValue": "x"}`, `{"intValue": "3"}`, `{"kvlistValue": {"values": [...]}}`, ...
    static func anyValue(_ value: JSONValue) -> JSONValue {
        guard case .object(let members) = value, members.count == 1 else { return value }
        let inner = members[0].value
        switch members[0].key {
        case "stringValue", "boolValue", "doubleValue", "bytesValue": return inner
        case "intValue":
            // OTLP/JSON writes 64-bit integers as strings; keep them numbers only when they are.
            if let text = inner.stringValue, Int64(text) != nil { return .number(text) }
            return inner
        case "arrayValue":
            guard case .array(let items)? = inner["values"] else { return .array([]) }
            return .array(items.map(anyValue))
        case "kvlistValue": return .object(attributes(inner["values"]))
        default: return value
        }
    }
}
