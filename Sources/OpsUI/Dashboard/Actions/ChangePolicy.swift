/// Whether the console may deploy, promote and roll back, and where not: no configuration (the
/// services were discovered), `--read-only` or `read_only: true` removes the keys' effect; a
/// read-only environment refuses them there.
public struct ChangePolicy: Hashable, Sendable {
    /// Why nothing can be changed at all; nil when changes are allowed somewhere.
    public var refusal: String?
    public var readOnlyEnvironments: Set<String>

    public init(refusal: String? = nil, readOnlyEnvironments: Set<String> = []) {
        self.refusal = refusal
        self.readOnlyEnvironments = readOnlyEnvironments
    }

    public static let none = ChangePolicy(refusal: "no configuration: opsdeck changes only what opsdeck.yml names")

    /// Why `environment` cannot be changed; nil when it can.
    public func refusal(for environment: String) -> String? {
        if let refusal { return refusal }
        if readOnlyEnvironments.contains(environment) {
            return "environment \(environment) is read-only (read_only: true): no deploy, promote or rollback there"
        }
        return nil
    }
}
