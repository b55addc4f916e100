/// A container image as a platform runs it: the reference it was asked for
/// (`registry.example.com/shop/web:1.4.2`) and, when known, the content digest that pins it.
/// Promotion copies the digest, never the tag: a tag can move between staging and production.
public struct ImageReference: Hashable, Sendable {
    public var reference: String
    /// `sha256:…`, when the platform reports it.
    public var digest: String?

    public init(_ reference: String, digest: String? = nil) {
        self.reference = reference
        self.digest = digest
    }

    /// The reference without its tag or digest: `registry.example.com:5000/shop/web`.
    public var repository: String {
        var name = Substring(reference)
        if let at = name.firstIndex(of: "@") { name = name[..<at] }
        // A colon after the last slash starts the tag; one before it is a registry's port.
        if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") { name = name[..<colon] }
        return String(name)
    }

    /// The tag (`1.4.2`), `latest` when the reference names none, nil when it is pinned by digest only.
    public var tag: String? {
        var name = Substring(reference)
        if let at = name.firstIndex(of: "@") {
            name = name[..<at]
            guard let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") else { return nil }
            return String(name[name.index(after: colon)...])
        }
        guard let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") else { return "latest" }
        return String(name[name.index(after: colon)...])
    }

    /// The reference pinned by `digest`, its tag kept beside it (`repo:1.5.0@sha256:…`): a runtime
    /// pulls by the digest alone, and people reading the spec still see which version it is.
    public func pinned(by digest: String) -> String {
        repository + (tag.map { ":" + $0 } ?? "") + "@" + digest
    }

    /// What a person calls the version: the tag, else the digest shortened.
    public var version: String {
        if let tag { return tag }
        return digest.map(ImageReference.shortDigest) ?? reference
    }

    /// `sha256:0123456789ab`: enough to tell images apart on screen.
    public static func shortDigest(_ digest: String) -> String {
        guard let colon = digest.firstIndex(of: ":") else { return String(digest.prefix(12)) }
        return String(digest[...colon]) + digest[digest.index(after: colon)...].prefix(12)
    }
}
