/// Decides whether a field name (a JSON key, a logfmt key, a header name) names a secret.
///
/// The key is split into words at non-alphanumeric bytes, camelCase humps (`dbPassword`,
/// `APIKey`) and letter/digit boundaries (`password2`). Only the LAST word decides, because in
/// English compounds the last word is the thing itself:
/// - `db_password`, `X-Api-Key`, `accessToken`, `client_secret`, `Set-Cookie`, `PGPASSWORD`
///   are secrets (a last word that ends with a secret word also counts, so joined prefixes work);
/// - `password_policy`, `token_type`, `token_count`, `secret_name`, `password_hash` are NOT:
///   they describe a secret without containing it;
/// - `tokens`, `max_tokens`, `tokenizer` are NOT: "tokens" counts LLM or lexer tokens, and a
///   word that merely starts with "token" is a different word;
/// - a trailing number or `confirmation`/`confirm` is skipped first (`password2`,
///   `password_confirmation` are secrets).
/// `key` alone is too common (cache keys, partition keys) and counts only after `api`,
/// `private`, `secret`, `access`, `encryption`, `signing` or `master`. `pwd` and `jwt` must be a
/// whole word, so `OLDPWD` is not a secret but `PWD` is (a harmless false positive: in an
/// environment dump it is the working directory).
struct SecretKeyMatcher: Sendable {
    enum Kind {
        /// An ordinary secret value.
        case value
        /// A cookie header: in `Cookie: a=1; b=2` the whole rest of the line is secret.
        case cookie
    }

    /// Extra last words (lower-case ASCII) that a deployment treats as secret, e.g. `ssn`.
    let extraWords: [[UInt8]]

    func kind(of key: UnsafeBufferPointer<UInt8>) -> Kind? {
        guard var word = Self.previousWord(in: key, before: key.count) else { return nil }
        while Self.isQualifier(word, in: key), let previous = Self.previousWord(in: key, before: word.lowerBound) {
            word = previous
        }
        if ASCII.equals(word, "pwd", in: key) || ASCII.equals(word, "jwt", in: key) { return .value }
        if ASCII.hasSuffix(word, "cookie", in: key) || ASCII.hasSuffix(word, "cookies", in: key) { return .cookie }
        if Self.endsWithSecretWord(word, in: key) { return .value }
        if ASCII.equals(word, "key", in: key) || ASCII.equals(word, "keys", in: key),
           let previous = Self.previousWord(in: key, before: word.lowerBound),
           Self.isKeyQualifier(previous, in: key) {
            return .value
        }
        for extra in extraWords where Self.hasSuffix(word, extra, in: key) { return .value }
        return nil
    }

    private static func endsWithSecretWord(_ word: Range<Int>, in key: UnsafeBufferPointer<UInt8>) -> Bool {
        ASCII.hasSuffix(word, "password", in: key) || ASCII.hasSuffix(word, "passwords", in: key)
            || ASCII.hasSuffix(word, "passwd", in: key) || ASCII.hasSuffix(word, "passphrase", in: key)
            || ASCII.hasSuffix(word, "secret", in: key) || ASCII.hasSuffix(word, "secrets", in: key)
            || ASCII.hasSuffix(word, "token", in: key)
            || ASCII.hasSuffix(word, "credential", in: key) || ASCII.hasSuffix(word, "credentials", in: key)
            || ASCII.hasSuffix(word, "authorization", in: key)
            || ASCII.hasSuffix(word, "apikey", in: key) || ASCII.hasSuffix(word, "privatekey", in: key)
            || ASCII.hasSuffix(word, "secretkey", in: key) || ASCII.hasSuffix(word, "accesskey", in: key)
    }

    private static func isKeyQualifier(_ word: Range<Int>, in key: UnsafeBufferPointer<UInt8>) -> Bool {
        ASCII.equals(word, "api", in: key) || ASCII.equals(word, "private", in: key)
            || ASCII.equals(word, "secret", in: key) || ASCII.equals(word, "access", in: key)
            || ASCII.equals(word, "encryption", in: key) || ASCII.equals(word, "signing", in: key)
            || ASCII.equals(word, "master", in: key)
    }

    private static func isQualifier(_ word: Range<Int>, in key: UnsafeBufferPointer<UInt8>) -> Bool {
        ASCII.isDigit(key[word.lowerBound]) || ASCII.equals(word, "confirmation", in: key)
            || ASCII.equals(word, "confirm", in: key)
    }

    private static func hasSuffix(_ word: Range<Int>, _ suffix: [UInt8], in key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !suffix.isEmpty, word.count >= suffix.count else { return false }
        var k = word.upperBound &- suffix.count
        for b in suffix {
            if ASCII.lowercased(key[k]) != b { return false }
            k &+= 1
        }
        return true
    }

    /// The word that ends at or before `end`, walking backwards: a run of digits, a run of
    /// lower-case letters with at most one capital in front (`Password`), or a run of capitals
    /// (`API` in `APIKey`, since the capital `K` was taken by `Key`).
    static func previousWord(in key: UnsafeBufferPointer<UInt8>, before end: Int) -> Range<Int>? {
        var upper = end
        while upper > 0 && !ASCII.isAlphanumeric(key[upper &- 1]) { upper &-= 1 }
        guard upper > 0 else { return nil }
        var lower = upper &- 1
        let last = key[lower]
        if ASCII.isDigit(last) {
            while lower > 0 && ASCII.isDigit(key[lower &- 1]) { lower &-= 1 }
        } else if ASCII.isLower(last) {
            while lower > 0 && ASCII.isLower(key[lower &- 1]) { lower &-= 1 }
            if lower > 0 && ASCII.isUpper(key[lower &- 1]) { lower &-= 1 }
        } else {
            while lower > 0 && ASCII.isUpper(key[lower &- 1]) { lower &-= 1 }
        }
        return lower..<upper
    }
}
