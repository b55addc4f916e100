import Testing
@testable import OpsCore

@Suite struct HTTPURLTests {
    @Test func readsSchemeHostPortAndTarget() throws {
        let url = try #require(HTTPURL("https://api.example.com:8443/health?deep=1#top"))
        #expect(url.scheme == .https)
        #expect(url.host == "api.example.com")
        #expect(url.port == 8443)
        #expect(url.target == "/health?deep=1")
        #expect(url.hostHeader == "api.example.com:8443")
        #expect(!url.hostIsAddress)
    }

    @Test func defaultsThePortAndThePath() throws {
        let plain = try #require(HTTPURL("HTTP://example.com"))
        #expect(plain.scheme == .http && plain.port == 80 && plain.target == "/")
        #expect(plain.hostHeader == "example.com")
        let query = try #require(HTTPURL("https://example.com?x=1"))
        #expect(query.port == 443 && query.target == "/?x=1")
    }

    @Test func readsAddresses() throws {
        let v6 = try #require(HTTPURL("http://[::1]:8080/ready"))
        #expect(v6.host == "::1" && v6.port == 8080 && v6.hostIsAddress)
        #expect(v6.hostHeader == "[::1]:8080")
        #expect(v6.authority == "[::1]:8080")
        #expect(try #require(HTTPURL("https://127.0.0.1/")).hostIsAddress)
    }

    @Test(arguments: ["ftp://example.com/", "example.com/health", "/health", "http://", "http://:80/",
                      "http://user:secret@example.com/", "http://example.com:0/", "http://example.com:65536/",
                      "http://example.com:8o/", "http://[::1/", "http://exa mple.com/", "http://example.com/a b"])
    func refuses(_ text: String) {
        #expect(HTTPURL(text) == nil)
    }
}
