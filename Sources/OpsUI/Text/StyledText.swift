/// Text in semantic roles, the unit every formatter produces and every backend draws.
public struct StyledSpan: Equatable, Sendable {
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role) {
        self.text = text
        self.role = role
    }
}

public typealias StyledLine = [StyledSpan]

extension Array where Element == StyledSpan {
    /// The line without styling.
    public var plainText: String { map(\.text).joined() }
}
