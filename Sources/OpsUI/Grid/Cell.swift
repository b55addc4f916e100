/// One cell of the screen: the character drawn there and the semantic role it is drawn in.
/// A wide character (CJK, most emoji) fills its cell and the next; that next cell holds the
/// empty string and is called its continuation.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, already sanitised; "" for the continuation of a wide character.
    public var text: String
    public var role: Role

    public init(_ text: String, _ role: Role = .text) {
        self.text = text
        self.role = role
    }

    public static let blank = Cell(" ", .text)

    public var isContinuation: Bool { text.isEmpty }
}
