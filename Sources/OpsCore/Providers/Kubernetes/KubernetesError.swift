/// A kubectl call that failed, in a few words a pane can show: what kind of problem, and the
/// detail that matters (who may not do what, which server did not answer). The UI degrades only
/// the pane that needed the call; `forbidden` is expected with namespace-only roles.
public struct KubernetesError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// RBAC said no (`Error from server (Forbidden)`).
        case forbidden
        /// The object does not exist (`Error from server (NotFound)`).
        case notFound
        /// No or expired credentials.
        case unauthorized
        /// The API server refused, could not be resolved or did not answer.
        case unreachable
        /// opsdeck's own deadline passed.
        case timedOut
        /// The context is not in the kubeconfig.
        case noSuchContext
        /// `kubectl` is not installed.
        case notInstalled
        /// Anything else kubectl said.
        case other
    }

    public var kind: Kind
    /// One line, sanitised: `not allowed to list deployments in namespace shop (as dev@example.com)`.
    public var message: String
    public var endpoint: KubernetesEndpoint

    public init(kind: Kind, message: String, endpoint: KubernetesEndpoint) {
        self.kind = kind
        self.message = message
        self.endpoint = endpoint
    }

    public var description: String { "\(message) (\(endpoint))" }
}
