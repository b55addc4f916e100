extension LogRecord {
    /// The record with secrets replaced, as it must be before any display, export or journal.
    public func redacted(by redactor: Redactor = .standard) -> LogRecord {
        var copy = self
        copy.message = redactor.redact(message)
        if let error {
            copy.error = LogError(type: error.type.map(redactor.redact), message: error.message.map(redactor.redact),
                                  stack: error.stack.map(redactor.redact))
        }
        copy.fields = fields.map { JSONMember($0.key, redactor.redact($0.value, key: $0.key)) }
        return copy
    }
}
