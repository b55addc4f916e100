/// Hides secrets in log text and in parsed JSON before they are displayed, copied, exported
/// or journalled.
///
/// Only the secret part is replaced, so a line stays readable:
/// - a value whose key names a secret (see `isSecretKey`): `password=hunter2` →
///   `password=[REDACTED]`, `"token":"abc"` → `"token":"[REDACTED]"` (the quotes stay, so JSON
///   written into a line stays JSON; an unquoted JSON value under a quoted key becomes
///   `"[REDACTED]"`); `Authorization: Bearer x` keeps its scheme → `Authorization: Bearer
///   [REDACTED]`; `Cookie:`/`Set-Cookie:` headers lose the rest of the line; a `null` value is
///   kept because it hides nothing;
/// - `Bearer <token>` / `Basic <base64>` anywhere → `Bearer [REDACTED]`;
/// - JWTs → `[REDACTED:jwt]`; AWS key ids → `[REDACTED:aws-key]`; GitHub, GitLab, Slack and
///   Stripe tokens → `[REDACTED:github-token]`, `…:gitlab-token]`, `…:slack-token]`,
///   `…:stripe-key]`; PEM private key blocks → `[REDACTED:private-key]`;
/// - URL credentials: `scheme://user:password@host` → `scheme://user:[REDACTED]@host`.
///
/// Redacting is idempotent: a value that already reads `[REDACTED…]` is left alone.
/// Text is scanned byte by byte without regular expressions; text without a secret is
/// returned as is, without allocating. Redact before sanitising: the sanitiser's escapes
/// (`\n`) would otherwise split a quoted value.
public struct Redactor: Sendable {
    /// The rules above with the built-in list of secret key words.
    public static let standard = Redactor()

    private let keys: SecretKeyMatcher
    private let verdicts = KeyVerdictCache()

    /// `additionalSecretKeyWords` are treated like `password`: a key whose last word ends with
    /// one of them is secret (e.g. `["ssn", "iban"]`). Matching ignores ASCII case.
    public init(additionalSecretKeyWords: [String] = []) {
        keys = SecretKeyMatcher(extraWords: additionalSecretKeyWords.map { word in
            word.utf8.filter(ASCII.isAlphanumeric).map(ASCII.lowercased)
        }.filter { !$0.isEmpty })
    }

    /// Whether a field name names a secret (`db_password`, `X-Api-Key`, `accessToken`, but not
    /// `max_tokens`, `tokenizer` or `password_policy`); see `SecretKeyMatcher` for the rules.
    public func isSecretKey(_ key: String) -> Bool {
        verdicts.verdict(for: key) { key in withUTF8Bytes(of: key) { keys.kind(of: $0) != nil } }
    }

    /// The text with every recognised secret replaced; `text` itself when there is none.
    public func redact(_ text: String) -> String {
        redactedIfNeeded(text) ?? text
    }

    /// Whether `redact` would change the text (a view can mark the line as redacted).
    public func containsSecret(_ text: String) -> Bool {
        withUTF8Bytes(of: text) { RedactionScanner(bytes: $0, keys: keys).firstMatch(from: 0) != nil }
    }

    /// Appends the redacted form of raw bytes to `output` (the original bytes when nothing is
    /// secret) and says whether anything was redacted.
    @discardableResult
    public func redact(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        let scanner = RedactionScanner(bytes: bytes, keys: keys)
        guard let first = scanner.firstMatch(from: 0) else {
            output.append(contentsOf: bytes)
            return false
        }
        Self.write(scanner, startingWith: first, into: &output)
        return true
    }

    /// Copies the scanned bytes with every match, from `first` on, replaced.
    private static func write(_ scanner: RedactionScanner, startingWith first: RedactionMatch,
                              into output: inout [UInt8]) {
        let bytes = scanner.bytes
        var match: RedactionMatch? = first
        var cursor = 0
        while let current = match {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<current.range.lowerBound]))
            current.redaction.append(to: &output)
            cursor = current.range.upperBound
            match = scanner.firstMatch(from: cursor)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor...]))
    }

    /// A JSON value with secrets removed. Members whose key names a secret have their whole
    /// value (string, number, object, array) replaced by the string `[REDACTED]`, except `null`
    /// and the empty string, which hide nothing and tell the reader the secret was missing.
    /// Other strings are redacted as text, at any depth. Unchanged subtrees are returned as is.
    public func redact(_ value: JSONValue, key: String?) -> JSONValue {
        redactedIfNeeded(value, key: key) ?? value
    }

    // MARK: - Change-tracking helpers (nil = unchanged, so nothing is rebuilt needlessly)

    private func redactedIfNeeded(_ text: String) -> String? {
        withUTF8Bytes(of: text) { bytes -> String? in
            let scanner = RedactionScanner(bytes: bytes, keys: keys)
            guard let first = scanner.firstMatch(from: 0) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count &+ 16)
            Self.write(scanner, startingWith: first, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    private func redactedIfNeeded(_ value: JSONValue, key: String?) -> JSONValue? {
        if let key, isSecretKey(key) {
            switch value {
            case .null, .string(""), .string("[REDACTED]"): return nil
            default: return .string("[REDACTED]")
            }
        }
        switch value {
        case .string(let text):
            return redactedIfNeeded(text).map(JSONValue.string)
        case .array(let items):
            var rebuilt: [JSONValue]?
            for (index, item) in items.enumerated() {
                guard let replacement = redactedIfNeeded(item, key: nil) else { continue }
                if rebuilt == nil { rebuilt = items }
                rebuilt?[index] = replacement
            }
            return rebuilt.map(JSONValue.array)
        case .object(let members):
            var rebuilt: [JSONMember]?
            for (index, member) in members.enumerated() {
                guard let replacement = redactedIfNeeded(member.value, key: member.key) else { continue }
                if rebuilt == nil { rebuilt = members }
                rebuilt?[index].value = replacement
            }
            return rebuilt.map(JSONValue.object)
        case .null, .bool, .number:
            return nil
        }
    }
}
