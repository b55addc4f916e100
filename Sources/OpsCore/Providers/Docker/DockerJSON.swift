/// Reading docker's JSON: whole documents (`inspect`), one object a line (`ps`, `image ls`,
/// `events`), and the typed fields of a `JSONValue`, each of which may be missing. Strict JSON in,
/// `DockerOutputError` naming the command out, never a crash.
enum DockerJSON {
    /// One JSON document (`docker inspect`'s array).
    static func document(_ bytes: [UInt8], command: String) throws(DockerOutputError) -> JSONValue {
        let parsed: Result<JSONValue, DockerOutputError> = bytes.withUnsafeBufferPointer { buffer in
            let text = trimmed(buffer)
            guard !text.isEmpty else {
                return .failure(DockerOutputError(command: command, problem: "no output where JSON was expected"))
            }
            do throws(JSONScanner.Failure) {
                return .success(try JSONParser.parse(text))
            } catch {
                return .failure(DockerOutputError(command: command, problem: problem(error, line: nil, length: text.count), text: text))
            }
        }
        return try parsed.get()
    }

    /// One object a line; blank lines are skipped. A line that is not a JSON object is an error
    /// naming its number.
    static func objectLines(_ bytes: [UInt8], command: String) throws(DockerOutputError) -> [JSONValue] {
        let parsed: Result<[JSONValue], DockerOutputError> = bytes.withUnsafeBufferPointer { buffer in
            var values: [JSONValue] = []
            var lineNumber = 0
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
                lineNumber += 1
                let line = trimmed(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                start = end + 1
                if line.isEmpty { continue }
                do throws(JSONScanner.Failure) {
                    let value = try JSONParser.parse(line)
                    guard case .object = value else {
                        return .failure(DockerOutputError(command: command, problem: "line \(lineNumber) is not a JSON object",
                                                          text: line))
                    }
                    values.append(value)
                } catch {
                    return .failure(DockerOutputError(command: command, problem: problem(error, line: lineNumber, length: line.count), text: line))
                }
            }
            return .success(values)
        }
        return try parsed.get()
    }

    /// The objects of a document that must be an array (`inspect`); other elements are an error.
    static func arrayOfObjects(_ bytes: [UInt8], command: String) throws(DockerOutputError) -> [JSONValue] {
        guard case .array(let elements) = try document(bytes, command: command) else {
            throw DockerOutputError(command: command, problem: "expected a JSON array")
        }
        for (index, element) in elements.enumerated() {
            guard case .object = element else {
                throw DockerOutputError(command: command, problem: "element \(index + 1) of the array is not an object")
            }
        }
        return elements
    }

    /// `length` is the text's: an error at its very end (inside a string, which the scanner calls
    /// invalid rather than incomplete) is output cut short too.
    static func problem(_ failure: JSONScanner.Failure, line: Int?, length: Int) -> String {
        let place = line.map { "line \($0)" } ?? "the output"
        switch failure {
        case .invalid(let offset) where offset < length: return "\(place) is not valid JSON (byte \(offset + 1))"
        case .incomplete, .invalid: return "\(place) ends in the middle of a JSON value (truncated?)"
        }
    }

    /// Without JSON whitespace at either end (a trailing `\r` included).
    static func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var start = 0
        var end = text.count
        while start < end, isSpace(text[start]) { start += 1 }
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: text[start..<end])
    }
}

/// Typed reads of one field, nil when it is missing or of another type.
extension JSONValue {
    func string(_ key: String) -> String? { self[key]?.stringValue }

    /// A non-empty string.
    func text(_ key: String) -> String? {
        guard let value = string(key), !value.isEmpty else { return nil }
        return value
    }

    func int(_ key: String) -> Int? {
        guard case .number(let digits)? = self[key] else { return nil }
        return Int(digits)
    }

    func int64(_ key: String) -> Int64? {
        guard case .number(let digits)? = self[key] else { return nil }
        return Int64(digits)
    }

    func bool(_ key: String) -> Bool? {
        guard case .bool(let flag)? = self[key] else { return nil }
        return flag
    }

    func object(_ key: String) -> JSONValue? {
        guard let value = self[key], case .object = value else { return nil }
        return value
    }

    func array(_ key: String) -> [JSONValue] {
        guard case .array(let elements)? = self[key] else { return [] }
        return elements
    }

    /// An object of strings (`Labels`); members of other types are left out.
    func stringMap(_ key: String) -> [String: String] {
        guard let members = self[key]?.objectMembers else { return [:] }
        var map: [String: String] = [:]
        for member in members {
            if let value = member.value.stringValue { map[member.key] = value }
        }
        return map
    }

    /// An array of strings (`RepoTags`); elements of other types are left out.
    func strings(_ key: String) -> [String] { array(key).compactMap(\.stringValue) }

    /// A docker time (`Created`, `CreatedAt`), nil when missing, unreadable, or Go's zero time.
    func time(_ key: String) -> LogTimestamp? { string(key).flatMap(DockerTime.parse) }
}
