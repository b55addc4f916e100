/// Rust tracing-subscriber `fmt().json()`: the message sits inside `fields`, spans are listed.
extension RecordComposer {
    /// `{"timestamp":"…Z","level":"INFO","fields":{"message":"…"},"target":"…","span":{…},"spans":[…]}`
    mutating func writeRustTracing() {
        style = .serde
        openObject()
        key("timestamp"); timestampString(.isoMicrosZ)
        field("level", levelName(tracingLevels))
        key("fields"); openObject()
        fieldMessage("message")
        if isError { key("error"); string("error returned from database: relation \"orders\" does not exist") }
        closeObject()
        field("target", pick: Vocabulary.rustTargets)
        if drawNested() {
            let method = rng.pick(Vocabulary.methods)
            let path = rng.pick(Vocabulary.paths)
            key("span"); requestSpan(method: method, path: path)
            key("spans"); openArray(); nextItem(); requestSpan(method: method, path: path); closeArray()
        }
        if rng.chance(perMille: 300) { field("threadId", "ThreadId(3)") }
        closeObject()
    }

    private mutating func requestSpan(method: StaticString, path: [UInt8]) {
        openObject()
        field("method", method)
        key("uri"); string(path)
        field("name", "request")
        closeObject()
    }
}

private let tracingLevels: [StaticString] = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "ERROR"]
