import Yams

/// Runs Yams (libyaml) over a text and turns its answer into a `YAMLDocument`.
///
/// Yams stops at the first map with a duplicate key and reports only the first occurrence of
/// one of them, with no way to go on. So that every duplicate is reported where it repeats, and
/// the rest of the file is still checked, the first occurrence it names is disguised (its first
/// character becomes a private-use character, which keeps every column in place) and the text is
/// read again; the disguised keys get their text back when the nodes are built, where the
/// duplicates are found and reported in file order.
struct YAMLComposer {
    /// How many duplicates are disguised before giving up on the rest of the file.
    static let duplicateRetries = 20
    /// Values built from one document at most (aliases can make a small file expand to billions).
    static let valueLimit = 1_000_000

    let text: String

    func compose() -> YAMLDocument {
        var bytes = Array(text.utf8)
        var disguised: [YAMLPosition: String] = [:]
        while true {
            do {
                // The basic resolver types nothing: every key is text, so `1` and "1" are one key
                // (as they are to a reader of the file), and no regular expression runs per key.
                let parser = try Parser(yaml: String(decoding: bytes, as: UTF8.self), resolver: .basic,
                                        constructor: .default, encoding: .utf8)
                guard let root = try parser.singleRoot() else { return YAMLDocument(root: nil, problems: []) }
                var builder = YAMLTreeBuilder(disguisedKeys: disguised, budget: Self.valueLimit)
                let node = builder.build(root)
                return YAMLDocument(root: node, problems: builder.problems)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let key = duplicates.first ?? ""
                let position = YAMLPosition(line: context.mark.line, column: context.mark.column)
                guard disguised.count < Self.duplicateRetries, disguised[position] == nil,
                      let next = Self.disguiseKey(at: position, in: bytes, serial: disguised.count) else {
                    return YAMLDocument(root: nil, problems: [YAMLProblem(.duplicateKey(key, first: nil), at: position)])
                }
                disguised[position] = key
                bytes = next
            } catch let error as YamlError {
                // The duplicates found so far are certain. The syntax error is too, unless it is
                // on the line of a disguised key, where the disguise may have caused it (a quoted
                // key that held ": ").
                var problems = disguised.sorted { $0.key < $1.key }
                    .map { YAMLProblem(.duplicateKey($0.value, first: nil), at: $0.key) }
                let syntax = Self.problem(from: error, bytes: bytes)
                if !disguised.keys.contains(where: { $0.line == syntax.position.line }) { problems.append(syntax) }
                return YAMLDocument(root: nil, problems: problems)
            } catch {
                return YAMLDocument(root: nil, problems: [YAMLProblem(.syntax("\(error)"), at: .start)])
            }
        }
    }

    /// The text with the key at `position` made unique: its first character (the first inside
    /// the quotes of a quoted key) swapped for U+E000 + `serial`. Nil when that cannot be done.
    static func disguiseKey(at position: YAMLPosition, in bytes: [UInt8], serial: Int) -> [UInt8]? {
        guard var offset = TextPositions.offset(of: position, in: bytes) else { return nil }
        if bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") {
            let quote = bytes[offset]
            offset += 1
            guard offset < bytes.count, bytes[offset] != quote, TextPositions.lineBreakLength(at: offset, in: bytes) == 0 else {
                return nil
            }
        }
        guard let marker = Unicode.Scalar(0xE000 + UInt32(serial)),
              TextPositions.lineBreakLength(at: offset, in: bytes) == 0 else { return nil }
        let length = TextPositions.scalarLength(at: offset, in: bytes)
        var result = bytes
        result.replaceSubrange(offset..<(offset + length), with: Array(String(marker).utf8))
        return result
    }

    static func problem(from error: YamlError, bytes: [UInt8]) -> YAMLProblem {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let position = YAMLPosition(line: mark.line, column: mark.column)
            if let tab = tabPosition(near: position, in: bytes) { return YAMLProblem(.tab, at: tab) }
            var text = problem
            if let context, !context.text.isEmpty {
                text += " (\(context.text) at \(context.mark.line):\(context.mark.column))"
            }
            return YAMLProblem(.syntax(text), at: position)
        case let .reader(problem, offset, value, _):
            let position = TextPositions.position(ofByte: offset ?? 0, in: bytes)
            let character = value >= 0 ? " (U+\(String(UInt32(value), radix: 16, uppercase: true)))" : ""
            return YAMLProblem(.syntax(problem + character), at: position)
        case let .duplicatedKeysInMapping(duplicates, context):
            return YAMLProblem(.duplicateKey(duplicates.first ?? "", first: nil),
                               at: YAMLPosition(line: context.mark.line, column: context.mark.column))
        default:
            return YAMLProblem(.syntax("\(error)"), at: .start)
        }
    }

    /// Where a tab explains a syntax error at `position`: the character there, or the first tab
    /// in the indentation of its line (libyaml reports those as "cannot start any token").
    static func tabPosition(near position: YAMLPosition, in bytes: [UInt8]) -> YAMLPosition? {
        let tab = UInt8(ascii: "\t")
        guard let offset = TextPositions.offset(of: position, in: bytes) else { return nil }
        if bytes[offset] == tab { return position }
        let line = TextPositions.lineBytes(around: offset, in: bytes)
        let indentation = line.prefix { $0 == UInt8(ascii: " ") || $0 == tab }
        guard let index = indentation.firstIndex(of: tab) else { return nil }
        return YAMLPosition(line: position.line, column: index - line.startIndex + 1)
    }
}
