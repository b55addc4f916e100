import Foundation

/// Gathers a record's error from whichever shape its logger used (a string, an object, flat
/// dotted keys, a stack as an array) into `{type, message, stack}`.
enum ErrorExtractor {
    struct Extracted {
        var error: LogError
        /// Members fully represented by `error`, which therefore leave the record's fields.
        var consumed: [Int]
    }

    static func extract(_ view: JSONObjectView) -> Extracted? {
        var error = LogError()
        var consumed: [Int] = []
        var parts: [(rank: Int, index: Int)] = []
        for i in view.members.indices {
            guard let info = KeyRoles.table.lookup(view.keyBytes(i)), info.role == .error else { continue }
            parts.append((Int(info.rank), i))
        }
        for (rank, i) in parts.sorted(by: { $0.rank < $1.rank }) {
            let key = KeyRoles.errorKeys[rank]
            let value = view.value(i)
            var used = false
            switch key {
            case "err", "error", "exception", "@x", "Exception", "exc_info", "cause", "exc_text":
                guard error.message == nil, error.stack == nil else { continue }
                used = merge(whole: value, into: &error, dotnet: key == "Exception")
            case "stack_trace", "stacktrace", "stack", "errorVerbose", "error.stack_trace", "exception.stacktrace", "stackTrace":
                if error.stack == nil, let stack = stackText(value) { error.stack = stack; used = true }
            case "error.message", "exception.message", "errorMessage":
                if error.message == nil, let text = value.stringValue { error.message = text; used = true }
            case "error.type", "exception.type", "errorType":
                if error.type == nil, let text = value.stringValue { error.type = text; used = true }
            default:
                break
            }
            if used { consumed.append(i) }
        }
        return error.isEmpty ? nil : Extracted(error: error, consumed: consumed)
    }

    /// Reads an error written as one value. Returns whether the value is fully represented
    /// (an object with members beyond type/message/stack stays in the fields too).
    private static func merge(whole value: JSONValue, into error: inout LogError, dotnet: Bool) -> Bool {
        switch value {
        case .string(let text):
            guard !text.isEmpty else { return false }
            if dotnet, !text.contains("\n"), let split = splitFlattenedDotnet(text) {
                error.message = split.message
                error.stack = split.stack
            } else if looksLikeStack(text) {
                error.stack = text
                error.message = error.message ?? firstLine(text)
            } else {
                error.message = text
            }
            return true
        case .array:
            error.stack = stackText(value)
            return error.stack != nil
        case .object(let members):
            var known = 0
            for member in members {
                switch member.key {
                case "type", "name", "exc_type", "errorType", "kind", "class":
                    if error.type == nil, let text = member.value.stringValue { error.type = text; known += 1 }
                case "message", "exc_value", "errorMessage", "msg", "value":
                    if error.message == nil, let text = member.value.stringValue { error.message = text; known += 1 }
                case "stack", "stack_trace", "stackTrace", "stacktrace", "frames", "traceback":
                    if error.stack == nil, let stack = stackText(member.value) { error.stack = stack; known += 1 }
                default:
                    break
                }
            }
            return known == members.count
        default:
            return false
        }
    }

    /// Byte-level on purpose: Character-wise search of a long stack trace walks grapheme
    /// clusters and costs more than the rest of the record.
    static func looksLikeStack(_ text: String) -> Bool {
        let utf8 = text.utf8
        return utf8.contains(0x0A) || utf8.indices.contains { i in
            utf8[i] == 0x09 && utf8[i...].starts(with: "\tat ".utf8)
        }
    }

    private static func firstLine(_ text: String) -> String {
        guard let newline = text.utf8.firstIndex(of: 0x0A) else { return text }
        return String(text[..<newline])
    }

    /// A stack written as text, or as an array of frames (strings or objects).
    static func stackText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text.isEmpty ? nil : text
        case .array(let items):
            guard !items.isEmpty else { return nil }
            return items.map { $0.stringValue ?? JSONWriter.serialize($0) }.joined(separator: "\n")
        default: return nil
        }
    }

    /// .NET's JSON console writes `Exception.ToString()` with its newlines replaced by spaces:
    /// `System.Exception: boom    at A.B() in F.cs:line 3    at ...`. Split it back on `   at `.
    private static func splitFlattenedDotnet(_ text: String) -> (message: String, stack: String)? {
        let parts = text.components(separatedBy: "   at ")
        guard parts.count > 1 else { return nil }
        let message = parts[0].trimmingCharacters(in: .whitespaces)
        let frames = parts.dropFirst().map { "   at " + $0.trimmingCharacters(in: .whitespaces) }
        return (message, ([message] + frames).joined(separator: "\n"))
    }
}
