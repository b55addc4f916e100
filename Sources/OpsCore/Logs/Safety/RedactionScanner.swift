/// What replaces a secret span.
enum Redaction {
    /// `[REDACTED]`: a value whose key said it was secret, a bearer credential, a URL password.
    case plain
    /// `"[REDACTED]"`: an unquoted JSON value (number, object...) under a quoted key, quoted so
    /// that JSON written into a log line stays JSON.
    case quoted
    /// `[REDACTED:<label>]`: a secret recognised by its own shape, labelled so the reader knows
    /// what kind of credential leaked.
    case labelled(StaticString)

    func append(to out: inout [UInt8]) {
        switch self {
        case .plain: ASCII.append("[REDACTED]", to: &out)
        case .quoted: ASCII.append("\"[REDACTED]\"", to: &out)
        case .labelled(let label):
            ASCII.append("[REDACTED:", to: &out)
            ASCII.append(label, to: &out)
            out.append(0x5D)
        }
    }
}

struct RedactionMatch {
    var range: Range<Int>
    var redaction: Redaction
}

/// Finds secrets in text by hand-written byte matching (no regular expressions): the scan
/// visits each byte once and only looks closer at a few trigger bytes, so text without secrets
/// costs one pass and no allocation.
///
/// Triggers: `=` and `:` (a secret key before them), `@` (credentials in a URL), a word
/// starting with `Bearer `/`Basic `, `eyJ` (JWT), `AKIA`/`ASIA` (AWS key ids), `ghp_` `gho_`
/// `ghs_` `ghu_` `ghr_` `github_pat_` (GitHub), `glpat-` (GitLab), `xoxa-`/`xoxb-`/`xoxp-`/
/// `xoxr-`/`xoxs-` (Slack), `sk_live_`/`rk_live_` (Stripe), `-----BEGIN … PRIVATE KEY-----`.
struct RedactionScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let keys: SecretKeyMatcher

    /// Keys longer than this are not looked at (nobody names a secret with 128 bytes), which
    /// also bounds the backward scan from each separator.
    static let maximumKeyLength = 128
    /// Vendor tokens need this many characters after their prefix, so the bare prefixes in
    /// documentation (`ghp_`, `sk_live_`) stay readable.
    static let minimumTokenBody = 10

    func firstMatch(from start: Int) -> RedactionMatch? {
        var i = start
        let count = bytes.count
        while i < count {
            let match: RedactionMatch?
            switch bytes[i] {
            case UInt8(ascii: ":"):
                // `scheme://` is not a key; its credentials are found at their `@`.
                match = ASCII.matches("//", in: bytes, at: i &+ 1) ? nil : keyValue(separator: i, floor: start)
            case UInt8(ascii: "@"): match = urlCredentials(at: i, floor: start)
            case UInt8(ascii: "="): match = keyValue(separator: i, floor: start)
            case UInt8(ascii: "B"), UInt8(ascii: "b"): match = authScheme(at: i, floor: start)
            case UInt8(ascii: "e"): match = jwt(at: i)
            case UInt8(ascii: "A"): match = awsKeyID(at: i, floor: start)
            case UInt8(ascii: "g"), UInt8(ascii: "x"), UInt8(ascii: "s"), UInt8(ascii: "r"):
                match = vendorToken(at: i, floor: start)
            case UInt8(ascii: "-"): match = privateKeyBlock(at: i)
            default: match = nil
            }
            if let match { return match }
            i &+= 1
        }
        return nil
    }

    // MARK: - Keys and values

    /// `key=value`, `key: value`, `"key":"value"`, `'key': 'value'`, `\"key\":\"value\"`.
    private func keyValue(separator: Int, floor: Int) -> RedactionMatch? {
        guard let key = keyBefore(separator, floor: floor),
              let kind = keys.kind(of: UnsafeBufferPointer(rebasing: bytes[key.range])) else { return nil }
        var v = separator &+ 1
        while v < bytes.count && (bytes[v] == 0x20 || bytes[v] == 0x09) { v &+= 1 }
        guard v < bytes.count else { return nil }
        let first = bytes[v]
        if first == UInt8(ascii: "=") || first == UInt8(ascii: ":") { return nil }  // `==`, `::`
        if let quoted = quotedValue(at: v) {
            guard !quoted.isEmpty, !isAlreadyRedacted(at: quoted.lowerBound) else { return nil }
            return RedactionMatch(range: quoted, redaction: .plain)
        }
        let replacement: Redaction = key.wasDoubleQuoted ? .quoted : .plain
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            guard !isAlreadyRedacted(at: v) else { return nil }
            return RedactionMatch(range: v..<balancedEnd(from: v), redaction: replacement)
        }
        switch credentialAfterScheme(at: v) {
        case .credential(let credential): return RedactionMatch(range: credential, redaction: .plain)
        case .alreadyRedacted: return nil
        case .none: break
        }
        let headerStyle = kind == .cookie && bytes[separator] == UInt8(ascii: ":")
        var end = v
        while end < bytes.count && !(headerStyle ? endsHeaderValue(bytes[end]) : endsUnquotedValue(bytes[end])) {
            end &+= 1
        }
        guard end > v, !isAlreadyRedacted(at: v), !ASCII.equals(v..<end, "null", in: bytes) else { return nil }
        return RedactionMatch(range: v..<end, redaction: replacement)
    }

    private struct Key {
        var range: Range<Int>
        var wasDoubleQuoted: Bool
    }

    /// The key that ends right before the separator: a quoted key (`"password":`), or a run
    /// of key characters (letters, digits, `_`, `-`, `.`). No space is allowed before the
    /// separator, so that `token == nil` in a code excerpt is not read as a key.
    private func keyBefore(_ separator: Int, floor: Int) -> Key? {
        guard separator > floor else { return nil }
        let last = bytes[separator &- 1]
        let limit = max(floor, separator &- Self.maximumKeyLength &- 2)
        if last == UInt8(ascii: "\"") || last == UInt8(ascii: "'") {
            var k = separator &- 2
            while k >= limit && bytes[k] != last {
                // A real key never holds brackets or line breaks; refusing them also keeps a
                // `[REDACTED:…]` written by an earlier match from being read as part of a key.
                let b = bytes[k]
                if b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b < 0x20 { return nil }
                k &-= 1
            }
            guard k >= limit, k &+ 1 < separator &- 1 else { return nil }
            return Key(range: (k &+ 1)..<(separator &- 1), wasDoubleQuoted: last == UInt8(ascii: "\""))
        }
        var k = separator
        while k > limit && isKeyByte(bytes[k &- 1]) { k &-= 1 }
        guard k < separator, k > limit || k == floor else { return nil }
        return Key(range: k..<separator, wasDoubleQuoted: false)
    }

    /// The content range of a value quoted with `"`, `'` or an escaped `\"` (JSON text inside a
    /// plain line). An unterminated quote runs to the end of the text: better to hide too much.
    private func quotedValue(at v: Int) -> Range<Int>? {
        let first = bytes[v]
        if first == UInt8(ascii: "\\") {
            guard ASCII.matches("\\\"", in: bytes, at: v) else { return nil }
            var k = v &+ 2
            while k < bytes.count && !ASCII.matches("\\\"", in: bytes, at: k) { k &+= 1 }
            return (v &+ 2)..<min(k, bytes.count)
        }
        guard first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") else { return nil }
        var k = v &+ 1
        while k < bytes.count && bytes[k] != first {
            k &+= bytes[k] == UInt8(ascii: "\\") ? 2 : 1
        }
        return (v &+ 1)..<min(k, bytes.count)
    }

    /// End (exclusive) of a `{…}` or `[…]` value, skipping brackets inside strings.
    private func balancedEnd(from v: Int) -> Int {
        var depth = 0
        var k = v
        var inString = false
        while k < bytes.count {
            let b = bytes[k]
            if inString {
                if b == UInt8(ascii: "\\") { k &+= 1 } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                depth &+= 1
            } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                depth &-= 1
                if depth == 0 { return k &+ 1 }
            }
            k &+= 1
        }
        return bytes.count
    }

    private enum SchemeCredential {
        case none
        case credential(Range<Int>)
        /// `Bearer [REDACTED]`: the scheme word must not be taken for the secret on a second pass.
        case alreadyRedacted
    }

    /// In `Authorization: Bearer abc` only `abc` is secret; keeping the scheme keeps the line
    /// readable. Finds the credential after a known scheme word and one or more spaces.
    private func credentialAfterScheme(at v: Int) -> SchemeCredential {
        var end = v
        while end < bytes.count && ASCII.isLetter(bytes[end]) { end &+= 1 }
        let scheme = v..<end
        guard ASCII.equals(scheme, "bearer", in: bytes) || ASCII.equals(scheme, "basic", in: bytes)
                || ASCII.equals(scheme, "token", in: bytes) || ASCII.equals(scheme, "digest", in: bytes)
                || ASCII.equals(scheme, "negotiate", in: bytes) || ASCII.equals(scheme, "ntlm", in: bytes)
        else { return .none }
        var start = end
        while start < bytes.count && bytes[start] == 0x20 { start &+= 1 }
        guard start > end else { return .none }
        if isAlreadyRedacted(at: start) { return .alreadyRedacted }
        var stop = start
        while stop < bytes.count && !ASCII.isWhitespace(bytes[stop]) && bytes[stop] != UInt8(ascii: "\"")
                && bytes[stop] != UInt8(ascii: "'") && bytes[stop] != UInt8(ascii: ",") { stop &+= 1 }
        return stop > start ? .credential(start..<stop) : .none
    }

    // MARK: - Shapes that are secrets wherever they appear

    /// `Bearer <token>` and `Basic <base64>` outside a key/value (the key/value rule handles
    /// `Authorization: …`). Plain English must survive: a bearer credential that is one
    /// lower-case word (`bearer token expired`) or a `key=value` field is left alone, and a
    /// Basic credential must look like base64 (a digit, `+`, `/`, `=` or a capital after the
    /// first letter), so `Basic Authentication` stays.
    private func authScheme(at i: Int, floor: Int) -> RedactionMatch? {
        guard isWordStart(i, floor: floor) else { return nil }
        let isBearer = ASCII.matches("bearer ", in: bytes, at: i, ignoringCase: true)
        guard isBearer || ASCII.matches("basic ", in: bytes, at: i, ignoringCase: true) else { return nil }
        var start = i &+ (isBearer ? 7 : 6)
        while start < bytes.count && bytes[start] == 0x20 { start &+= 1 }
        var end = start
        while end < bytes.count && isB64TokenByte(bytes[end]) { end &+= 1 }
        let paddingStart = end
        while end < bytes.count && bytes[end] == UInt8(ascii: "=") { end &+= 1 }
        guard end > start else { return nil }
        // Running into an earlier `[REDACTED…]` means the first pass already judged this run
        // (as a field name, say); judging the shortened run again would not be idempotent.
        if isAlreadyRedacted(at: end) { return nil }
        // Padding ends a credential: in `Bearer token_count=3` (or `=[REDACTED]` after the
        // field was redacted) the `=` is a field separator, not base64.
        if end > paddingStart && end < bytes.count && !endsCredential(bytes[end]) { return nil }
        var sawDigitOrSymbol = false, sawLateCapital = false, allLowerLetters = true
        for k in start..<end {
            let b = bytes[k]
            if !ASCII.isLower(b) { allLowerLetters = false }
            if !ASCII.isLetter(b) { sawDigitOrSymbol = true }
            if k > start && ASCII.isUpper(b) { sawLateCapital = true }
        }
        if isBearer {
            guard !allLowerLetters else { return nil }
        } else {
            guard end &- start >= 8, sawDigitOrSymbol || sawLateCapital else { return nil }
        }
        return RedactionMatch(range: start..<end, redaction: .plain)
    }

    /// `eyJ<base64url>.eyJ<base64url>.<base64url>`: a JWT header and payload (both JSON objects,
    /// so both start `{"` = `eyJ`) and an optional signature.
    private func jwt(at i: Int) -> RedactionMatch? {
        guard ASCII.matches("eyJ", in: bytes, at: i) else { return nil }
        let headerEnd = base64URLRun(from: i &+ 3)
        guard headerEnd < bytes.count, bytes[headerEnd] == UInt8(ascii: "."),
              ASCII.matches("eyJ", in: bytes, at: headerEnd &+ 1) else { return nil }
        let payloadEnd = base64URLRun(from: headerEnd &+ 4)
        guard payloadEnd < bytes.count, bytes[payloadEnd] == UInt8(ascii: ".") else { return nil }
        let end = base64URLRun(from: payloadEnd &+ 1)
        return RedactionMatch(range: i..<end, redaction: .labelled("jwt"))
    }

    /// AWS access key ids: `AKIA` (long-term) or `ASIA` (temporary) and exactly 16 more
    /// capitals or digits, standing alone.
    private func awsKeyID(at i: Int, floor: Int) -> RedactionMatch? {
        guard isWordStart(i, floor: floor),
              ASCII.matches("AKIA", in: bytes, at: i) || ASCII.matches("ASIA", in: bytes, at: i),
              bytes.count &- i >= 20 else { return nil }
        for k in (i &+ 4)..<(i &+ 20) where !(ASCII.isUpper(bytes[k]) || ASCII.isDigit(bytes[k])) { return nil }
        if i &+ 20 < bytes.count && ASCII.isAlphanumeric(bytes[i &+ 20]) { return nil }
        return RedactionMatch(range: i..<(i &+ 20), redaction: .labelled("aws-key"))
    }

    /// GitHub, GitLab, Slack and Stripe tokens, recognised by their documented prefixes.
    private func vendorToken(at i: Int, floor: Int) -> RedactionMatch? {
        guard isWordStart(i, floor: floor) else { return nil }
        let prefixLength: Int
        let label: StaticString
        if ASCII.matches("ghp_", in: bytes, at: i) || ASCII.matches("gho_", in: bytes, at: i)
            || ASCII.matches("ghs_", in: bytes, at: i) || ASCII.matches("ghu_", in: bytes, at: i)
            || ASCII.matches("ghr_", in: bytes, at: i) {
            prefixLength = 4; label = "github-token"
        } else if ASCII.matches("github_pat_", in: bytes, at: i) {
            prefixLength = 11; label = "github-token"
        } else if ASCII.matches("glpat-", in: bytes, at: i) {
            prefixLength = 6; label = "gitlab-token"
        } else if ASCII.matches("xox", in: bytes, at: i), bytes.count &- i > 4, isSlackTokenKind(bytes[i &+ 3]),
                  bytes[i &+ 4] == UInt8(ascii: "-") {
            prefixLength = 5; label = "slack-token"
        } else if ASCII.matches("sk_live_", in: bytes, at: i) || ASCII.matches("rk_live_", in: bytes, at: i) {
            prefixLength = 8; label = "stripe-key"
        } else {
            return nil
        }
        let end = base64URLRun(from: i &+ prefixLength)
        guard end &- (i &+ prefixLength) >= Self.minimumTokenBody else { return nil }
        return RedactionMatch(range: i..<end, redaction: .labelled(label))
    }

    /// A PEM private key, from `-----BEGIN <…>PRIVATE KEY-----` to the matching `-----END …-----`
    /// (or to the end of the text when the block was cut off, as a one-line log record would).
    private func privateKeyBlock(at i: Int) -> RedactionMatch? {
        guard ASCII.matches("-----BEGIN ", in: bytes, at: i) else { return nil }
        var k = i &+ 11
        let labelLimit = min(bytes.count, k &+ 64)
        while k < labelLimit && !ASCII.matches("-----", in: bytes, at: k) { k &+= 1 }
        guard k < labelLimit, ASCII.hasSuffix(i..<k, "private key", in: bytes) else { return nil }
        var end = k &+ 5
        while end < bytes.count && !ASCII.matches("-----END ", in: bytes, at: end) { end &+= 1 }
        if end < bytes.count {
            end &+= 9
            while end < bytes.count && !ASCII.matches("-----", in: bytes, at: end) && !isLineEnd(bytes[end]) {
                end &+= 1
            }
            end = ASCII.matches("-----", in: bytes, at: end) ? end &+ 5 : end
        }
        return RedactionMatch(range: i..<end, redaction: .labelled("private-key"))
    }

    /// `scheme://user:password@host` → `scheme://user:[REDACTED]@host`, found from the `@`
    /// backwards so that a secret in the user name (`https://ghp_…:x-oauth-basic@github.com`)
    /// has already been matched when the password is. The user info ends at `/`, `?`, `#`, `[`
    /// (an IPv6 host, or our own `[REDACTED…]`), a quote or a space; the password runs to the
    /// last `@` because people do not percent-encode an `@` in a password. The part of the
    /// password before `floor` was already covered by an earlier match.
    private func urlCredentials(at sign: Int, floor: Int) -> RedactionMatch? {
        let reach = Self.maximumUserInfoLength
        var k = sign &+ 1
        while k < min(bytes.count, sign &+ reach) && !endsUserInfo(bytes[k]) {
            if bytes[k] == UInt8(ascii: "@") { return nil }  // a later `@` ends the password
            k &+= 1
        }
        var colon: Int?
        k = sign &- 1
        while k >= max(0, sign &- reach) {
            let b = bytes[k]
            if b == UInt8(ascii: "/") {
                guard k >= 3, bytes[k &- 1] == UInt8(ascii: "/"), bytes[k &- 2] == UInt8(ascii: ":"),
                      ASCII.isLetter(bytes[k &- 3]), let colon else { return nil }
                let start = max(colon &+ 1, floor)
                guard start < sign, !isAlreadyRedacted(at: colon &+ 1) else { return nil }
                return RedactionMatch(range: start..<sign, redaction: .plain)
            }
            if endsUserInfo(b) { return nil }
            if b == UInt8(ascii: ":") { colon = k }
            k &-= 1
        }
        return nil
    }

    /// Longest user info looked at around an `@`; bounds the work an `@`-heavy line can cause.
    static let maximumUserInfoLength = 512

    private func endsUserInfo(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") || b == UInt8(ascii: "[")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
            || b == UInt8(ascii: "\\") || b <= 0x20
    }

    // MARK: - Byte classes

    private func isWordStart(_ i: Int, floor: Int) -> Bool {
        i == floor || i == 0 || !(ASCII.isAlphanumeric(bytes[i &- 1]) || bytes[i &- 1] == UInt8(ascii: "_"))
    }

    private func isAlreadyRedacted(at v: Int) -> Bool {
        ASCII.matches("[REDACTED", in: bytes, at: v) || ASCII.matches("\"[REDACTED", in: bytes, at: v)
    }

    private func base64URLRun(from start: Int) -> Int {
        var k = start
        while k < bytes.count {
            let b = bytes[k]
            guard ASCII.isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") else { break }
            k &+= 1
        }
        return k
    }

    private func isKeyByte(_ b: UInt8) -> Bool {
        ASCII.isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    /// RFC 6750 b64token characters (the `=` padding is handled separately).
    private func isB64TokenByte(_ b: UInt8) -> Bool {
        ASCII.isAlphanumeric(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "~") || b == UInt8(ascii: "+") || b == UInt8(ascii: "/")
    }

    private func isLineEnd(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }

    /// Bytes that may follow a padded credential: the end of a word, quote or enclosure.
    private func endsCredential(_ b: UInt8) -> Bool {
        ASCII.isWhitespace(b) || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ",")
            || b == UInt8(ascii: ";") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}")
            || b == UInt8(ascii: ">") || b == UInt8(ascii: "&")
    }

    /// `xoxa-`, `xoxb-` (bot), `xoxp-` (user), `xoxr-` (refresh), `xoxs-` (session).
    private func isSlackTokenKind(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "a") || b == UInt8(ascii: "b") || b == UInt8(ascii: "p") || b == UInt8(ascii: "r")
            || b == UInt8(ascii: "s")
    }

    /// Where a `Cookie:`/`Set-Cookie:` header value stops: the end of the line, or a quote
    /// (plain or escaped) that closes the JSON string the header was written into.
    private func endsHeaderValue(_ b: UInt8) -> Bool {
        isLineEnd(b) || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\")
    }

    /// Where an unquoted value stops: whitespace or control bytes, and the punctuation that
    /// separates fields in logfmt, query strings, cookies and inspected objects.
    private func endsUnquotedValue(_ b: UInt8) -> Bool {
        b <= 0x20 || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: "&")
            || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == UInt8(ascii: ")")
            || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == 0x7F
    }
}
