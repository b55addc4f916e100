import Testing
@testable import OpsCore

@Suite struct RedactorTests {
    let redactor = Redactor.standard

    // MARK: - Secret keys

    @Test(arguments: [
        "password", "PASSWORD", "passwd", "pwd", "secret", "token", "api_key", "apikey", "APIKEY",
        "access_token", "refresh_token", "client_secret", "authorization", "Authorization", "cookie",
        "set-cookie", "Set-Cookie", "private_key", "credentials", "db_password", "DB_PASSWORD", "X-Api-Key",
        "x-api-key", "dbPassword", "accessToken", "clientSecret", "apiKey", "APIKey", "PGPASSWORD",
        "password2", "password_confirmation", "passwordConfirmation", "aws_secret_access_key",
        "AWS_SECRET_ACCESS_KEY", "user.password", "req.headers.authorization", "Proxy-Authorization",
        "--password", "csrf_token", "x-auth-token", "GITHUB_TOKEN", "secrets", "passphrase", "jwt",
        "encryption_key", "signing-key", "session_cookies",
    ])
    func recognisesSecretKeys(key: String) {
        #expect(redactor.isSecretKey(key))
    }

    /// Keys that describe or count a secret, or merely start with a secret word, are not
    /// secrets: hiding them would blank out useful fields on every line.
    @Test(arguments: [
        "tokens", "max_tokens", "maxTokens", "prompt_tokens", "tokenizer", "token_type", "token_count",
        "tokenCount", "password_policy", "password_hash", "passwordless", "secret_name", "secretRef",
        "key", "cache_key", "partition-key", "api_key_id", "OLDPWD", "user", "level", "msg", "",
        "2", "_", "keys",
    ])
    func leavesOrdinaryKeysAlone(key: String) {
        #expect(!redactor.isSecretKey(key))
    }

    @Test func acceptsAdditionalSecretKeyWords() {
        let custom = Redactor(additionalSecretKeyWords: ["SSN", "iban", "  "])
        #expect(custom.isSecretKey("customer_ssn"))
        #expect(custom.isSecretKey("IBAN"))
        #expect(custom.isSecretKey("password"))
        #expect(!redactor.isSecretKey("customer_ssn"))
        #expect(custom.redact("ssn=123-45-6789 ok") == "ssn=[REDACTED] ok")
    }

    // MARK: - Key/value text

    @Test func redactsSecretValuesInLogfmt() {
        #expect(redactor.redact(#"level=info msg="login" user=bob password=hunter2 api_key=abc123 max_tokens=5"#)
                == #"level=info msg="login" user=bob password=[REDACTED] api_key=[REDACTED] max_tokens=5"#)
        #expect(redactor.redact(#"db_password="correct horse battery" retries=3"#)
                == #"db_password="[REDACTED]" retries=3"#)
        #expect(redactor.redact("client_secret='s3cr3t' region=eu") == "client_secret='[REDACTED]' region=eu")
        #expect(redactor.redact("GET /cb?code=1&access_token=xyz&state=2") == "GET /cb?code=1&access_token=[REDACTED]&state=2")
        #expect(redactor.redact("password = hunter2") == "password = hunter2")  // space before `=`: not a key
        #expect(redactor.redact("password= hunter2 ok") == "password= [REDACTED] ok")
    }

    @Test func redactsHeaderStyleValuesAndKeepsTheAuthScheme() {
        #expect(redactor.redact("Authorization: Bearer abc.def-123") == "Authorization: Bearer [REDACTED]")
        #expect(redactor.redact("authorization: basic dXNlcjpwYXNz") == "authorization: basic [REDACTED]")
        #expect(redactor.redact("X-Api-Key: 0123456789abcdef host=x") == "X-Api-Key: [REDACTED] host=x")
        #expect(redactor.redact("Cookie: session=abc; theme=dark; csrf=x") == "Cookie: [REDACTED]")
        #expect(redactor.redact("Set-Cookie: id=a3fWa; Secure; HttpOnly\nnext line")
                == "Set-Cookie: [REDACTED]\nnext line")
        #expect(redactor.redact("token: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b")
                == "token: Token [REDACTED]")
    }

    @Test func redactsJSONWrittenIntoText() {
        #expect(redactor.redact(#"{"user":"bob","password":"hunter2","tokens":5,"secret": "x y"}"#)
                == #"{"user":"bob","password":"[REDACTED]","tokens":5,"secret": "[REDACTED]"}"#)
        // Unquoted values under a quoted key become a quoted string, so the JSON stays valid.
        #expect(redactor.redact(#"{"pin_token":12345,"credentials":{"user":"a","pass":"b"},"ok":true}"#)
                == #"{"pin_token":"[REDACTED]","credentials":"[REDACTED]","ok":true}"#)
        #expect(redactor.redact(#"{"password":null,"token":""}"#) == #"{"password":null,"token":""}"#)
        // JSON escaped inside another JSON string, as docker and stern write it.
        #expect(redactor.redact(#"{"log":"{\"password\":\"hunter2\",\"a\":1}"}"#)
                == #"{"log":"{\"password\":\"[REDACTED]\",\"a\":1}"}"#)
        #expect(redactor.redact(#"{"msg":"Cookie: sid=abc","level":"info"}"#)
                == #"{"msg":"Cookie: [REDACTED]","level":"info"}"#)
        // Python and Ruby inspect output.
        #expect(redactor.redact("{'password': 'x', 'user': 'y'}") == "{'password': '[REDACTED]', 'user': 'y'}")
        #expect(redactor.redact(#"{"secrets":["a","b"],"n":1}"#) == #"{"secrets":"[REDACTED]","n":1}"#)
    }

    // MARK: - Secrets recognised by shape

    @Test func redactsBearerAndBasicCredentialsAnywhere() {
        #expect(redactor.redact("calling upstream with Bearer abc123.def_456 done")
                == "calling upstream with Bearer [REDACTED] done")
        #expect(redactor.redact("header was 'Basic YWRtaW46YWRtaW4=' rejected") == "header was 'Basic [REDACTED]' rejected")
        #expect(redactor.redact("BEARER XYZ") == "BEARER [REDACTED]")
    }

    @Test func redactsJWTs() {
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
        #expect(redactor.redact("id_tok " + jwt + " next") == "id_tok [REDACTED:jwt] next")
        #expect(redactor.redact(jwt) == "[REDACTED:jwt]")
        #expect(redactor.redact("x=" + jwt + "&y=1") == "x=[REDACTED:jwt]&y=1")
        #expect(redactor.redact("unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0. end") == "unsigned [REDACTED:jwt] end")
        #expect(redactor.redact("Authorization: Bearer " + jwt) == "Authorization: Bearer [REDACTED]")
    }

    @Test func redactsAWSKeys() {
        #expect(redactor.redact("using AKIAIOSFODNN7EXAMPLE for s3") == "using [REDACTED:aws-key] for s3")
        #expect(redactor.redact("ASIAY34FZKBOKMUTVV7A") == "[REDACTED:aws-key]")
        #expect(redactor.redact("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY region=us-east-1")
                == "aws_secret_access_key=[REDACTED] region=us-east-1")
        #expect(redactor.redact("AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG") == "AWS_SECRET_ACCESS_KEY: [REDACTED]")
    }

    @Test func redactsCredentialsInURLs() {
        #expect(redactor.redact("connecting to postgres://app:s3cr%40t@db.internal:5432/shop")
                == "connecting to postgres://app:[REDACTED]@db.internal:5432/shop")
        #expect(redactor.redact("redis://:hunter2@cache:6379/0") == "redis://:[REDACTED]@cache:6379/0")
        #expect(redactor.redact("https://user:p@ss@example.com/x?y=1") == "https://user:[REDACTED]@example.com/x?y=1")
        // A token as the user name is caught by its own shape, and the password still is.
        #expect(redactor.redact("git clone https://ghp_abcdefghij0123456789:x-oauth-basic@github.com/o/r")
                == "git clone https://[REDACTED:github-token]:[REDACTED]@github.com/o/r")
        #expect(redactor.redact("http://u:pw@[::1]:8080/ ok") == "http://u:[REDACTED]@[::1]:8080/ ok")
    }

    @Test func redactsVendorTokensAndPrivateKeys() {
        let cases: [(String, String)] = [
            ("ghp_1234567890abcdefghijABCDEFGHIJ123456", "[REDACTED:github-token]"),
            ("gho_16C7e42F292c6912E7710c838347Ae178B4a", "[REDACTED:github-token]"),
            ("ghs_abcdefghij0123456789", "[REDACTED:github-token]"),
            ("ghu_abcdefghij0123456789", "[REDACTED:github-token]"),
            ("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "[REDACTED:github-token]"),
            ("glpat-xxxxxxxxxxxxxxxxxxxx", "[REDACTED:gitlab-token]"),
            ("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOp", "[REDACTED:slack-token]"),
            ("xoxp-1234567890-abcdefghij", "[REDACTED:slack-token]"),
            ("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "[REDACTED:stripe-key]"),
            ("rk_live_4eC39HqLyjWDarjtT1zdp7dc", "[REDACTED:stripe-key]"),
        ]
        for (token, expected) in cases {
            #expect(redactor.redact("push with " + token + ", ok") == "push with " + expected + ", ok")
            #expect(redactor.redact(token) == expected)
        }
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabc+/=\n-----END RSA PRIVATE KEY-----"
        #expect(redactor.redact("key loaded: " + pem + "\nnext") == "key loaded: [REDACTED:private-key]\nnext")
        #expect(redactor.redact(#"{"k":"-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n"}"#)
                == #"{"k":"[REDACTED:private-key]\n"}"#)
        #expect(redactor.redact("-----BEGIN PRIVATE KEY-----\nMIIE cut off") == "[REDACTED:private-key]")
        #expect(redactor.redact("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")
                == "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")
    }

    // MARK: - False positives

    @Test(arguments: [
        "tokens=5 max_tokens=4096 prompt_tokens=12",
        "tokenizer=bpe token_type=Bearer token_count=3",
        "password_policy=strict password_hash_algo=argon2 secret_name=db-creds",
        "Basic Authentication is disabled",
        "bearer token expired, please log in",
        "docs mention ghp_ and sk_live_ prefixes and glpat-short",
        "AKIA alone and AKIAIOSFODNN7EXAMPL too short and AKIAIOSFODNN7EXAMPLEX too long",
        "ssh deploy@host:22 and https://example.com:8443/path and mailto:user@example.com",
        "time=12:30:45 status: ok url=https://api.example.com/v1?id=3",
        "if token == nil { return }",
        "eyJhbGciOiJIUzI1NiJ9 is only a header",
        "-----BEGIN PUBLIC KEY----- is public",
        "password=[REDACTED] token=\"[REDACTED]\" Bearer [REDACTED] postgres://u:[REDACTED]@h",
    ])
    func leavesOrdinaryTextAlone(text: String) {
        #expect(redactor.redact(text) == text)
        #expect(!redactor.containsSecret(text))
    }

    // MARK: - Whole-text behaviour

    @Test func redactsSeveralSecretsOnOneLineAndIsIdempotent() {
        let line = #"ts=1 password=a Authorization="Bearer b" url=https://u:c@h/ key=AKIAIOSFODNN7EXAMPLE gh=ghp_abcdefghij0123456789"#
        let once = redactor.redact(line)
        #expect(once == #"ts=1 password=[REDACTED] Authorization="[REDACTED]" url=https://u:[REDACTED]@h/ key=[REDACTED:aws-key] gh=[REDACTED:github-token]"#)
        #expect(redactor.redact(once) == once)
        #expect(redactor.containsSecret(line))
        #expect(!redactor.containsSecret(once))
    }

    @Test func returnsLongTextWithoutSecretsUnchangedAndUncopied() {
        var text = ""
        let chunk = "level=info msg=\"request served\" route=/api/items status=200 bytes=5120 took=3ms ref=abc:def "
        while text.utf8.count < 1_048_576 { text += chunk }
        let result = redactor.redact(text)
        #expect(result == text)
        let address = text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
        #expect(address != nil)
        #expect(result.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil == address)
    }

    @Test func redactsRawBytesIntoAReusedBuffer() {
        var output = Array("> ".utf8)
        let changed = Array("password=x y".utf8).withUnsafeBufferPointer { redactor.redact($0, into: &output) }
        #expect(changed)
        #expect(String(decoding: output, as: UTF8.self) == "> password=[REDACTED] y")
        let unchanged = Array(" plain".utf8).withUnsafeBufferPointer { redactor.redact($0, into: &output) }
        #expect(!unchanged)
        #expect(String(decoding: output, as: UTF8.self) == "> password=[REDACTED] y plain")
    }

    @Test func handlesTextThatEndsMidPattern() {
        for text in ["password=", "password:", "\"password\":", "Bearer ", "eyJ", "eyJa.eyJ", "https://u:",
                     "https://u:p@", "-----BEGIN ", "xoxb", "ghp_", "AKIA", "\"password\":\"unterminated"] {
            let result = redactor.redact(text)
            #expect(!result.contains("unterminated"))
            #expect(redactor.redact(result) == result)
        }
    }

    @Test func randomInputNeverCrashesAndRedactingTwiceChangesNothing() {
        let pieces = ["password", "token", "=", ":", "\"", "'", "\\", " ", "{", "}", "[", "]", "Bearer ", "Basic ",
                      "eyJ", ".", "://", "@", "AKIA", "ABCDEFGHIJ234567", "ghp_", "xoxb-", "sk_live_",
                      "0123456789", "-----BEGIN RSA PRIVATE KEY-----", "-----END", "-----", "\n", "Cookie",
                      "[REDACTED", "null", "é", "\u{1B}[31m"]
        var random = SanitiserTests.SeededRandom(seed: 0xC0FFEE)
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int(random.next() % 24) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            let once = redactor.redact(text)
            #expect(redactor.redact(once) == once, "\(text.debugDescription)")
            #expect(redactor.containsSecret(text) == (once != text))
        }
    }

    // MARK: - JSON values

    @Test func redactsNestedJSONValues() {
        let value = JSONValue.object([
            JSONMember("level", .string("info")),
            JSONMember("msg", .string("login with Bearer abc123")),
            JSONMember("max_tokens", .number("4096")),
            JSONMember("db_password", .string("hunter2")),
            JSONMember("X-Api-Key", .number("123456")),
            JSONMember("credentials", .object([JSONMember("user", .string("bob"))])),
            JSONMember("refresh_token", .null),
            JSONMember("cookie", .string("")),
            JSONMember("req", .object([
                JSONMember("headers", .object([
                    JSONMember("authorization", .string("Basic dXNlcjpwYXNz")),
                    JSONMember("host", .string("api")),
                ])),
                JSONMember("urls", .array([.string("https://a:b@c/"), .bool(true), .string("plain")])),
            ])),
        ])
        let expected = JSONValue.object([
            JSONMember("level", .string("info")),
            JSONMember("msg", .string("login with Bearer [REDACTED]")),
            JSONMember("max_tokens", .number("4096")),
            JSONMember("db_password", .string("[REDACTED]")),
            JSONMember("X-Api-Key", .string("[REDACTED]")),
            JSONMember("credentials", .string("[REDACTED]")),
            JSONMember("refresh_token", .null),
            JSONMember("cookie", .string("")),
            JSONMember("req", .object([
                JSONMember("headers", .object([
                    JSONMember("authorization", .string("[REDACTED]")),
                    JSONMember("host", .string("api")),
                ])),
                JSONMember("urls", .array([.string("https://a:[REDACTED]@c/"), .bool(true), .string("plain")])),
            ])),
        ])
        let redacted = redactor.redact(value, key: nil)
        #expect(redacted == expected)
        #expect(redactor.redact(redacted, key: nil) == redacted)
    }

    @Test func appliesTheKeyOfAValueItself() {
        #expect(redactor.redact(.string("hunter2"), key: "password") == .string("[REDACTED]"))
        #expect(redactor.redact(.array([.string("a")]), key: "tokens") == .array([.string("a")]))
        #expect(redactor.redact(.string("a ghp_abcdefghij0123456789"), key: "note")
                == .string("a [REDACTED:github-token]"))
        let untouched = JSONValue.object([JSONMember("a", .array([.number("1"), .string("x")]))])
        #expect(redactor.redact(untouched, key: nil) == untouched)
    }
}
