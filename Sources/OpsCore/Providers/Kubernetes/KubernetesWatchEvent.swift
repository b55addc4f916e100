/// One change `kubectl get --watch -o json` reported: the object as it is now, and with
/// `--output-watch-events` what happened to it.
public struct KubernetesWatchEvent: Hashable, Sendable {
    /// `ADDED`, `MODIFIED`, `DELETED` with `--output-watch-events`; nil for the bare objects
    /// plain `--watch` prints.
    public var type: String?
    /// `Deployment`, `Pod`, …
    public var kind: String
    public var name: String
    public var namespace: String?
    public var resourceVersion: String?
    public var object: JSONValue

    /// Nil for a value that is not an object with a kind and a name.
    public init?(_ value: JSONValue) {
        var object = value
        var type: String?
        if let wrapped = value.object("object"), let eventType = value.text("type") {
            object = wrapped
            type = eventType
        }
        guard let kind = object.text("kind"), let metadata = object.object("metadata"),
              let name = metadata.text("name") else { return nil }
        self.type = type
        self.kind = kind
        self.name = name
        namespace = metadata.text("namespace")
        resourceVersion = metadata.text("resourceVersion")
        self.object = object
    }
}
