/// The characters a border is drawn with. `.unicode` uses box-drawing characters; `.ascii` is for
/// terminals whose locale is not UTF-8, where those would print as garbage.
public struct BoxStyle: Hashable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// Where a separator line meets the left border.
    public var teeLeft: String
    /// Where a separator line meets the right border.
    public var teeRight: String

    public init(horizontal: String, vertical: String, topLeft: String, topRight: String,
                bottomLeft: String, bottomRight: String, teeLeft: String, teeRight: String) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeLeft = teeLeft
        self.teeRight = teeRight
    }

    /// ─│┌┐└┘├┤
    public static let unicode = BoxStyle(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                         bottomLeft: "└", bottomRight: "┘", teeLeft: "├", teeRight: "┤")
    /// -|+ for every corner and tee.
    public static let ascii = BoxStyle(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
                                       bottomLeft: "+", bottomRight: "+", teeLeft: "+", teeRight: "+")

    /// The style for a terminal: box drawing only when its locale speaks UTF-8.
    public static func forLocale(isUTF8: Bool) -> BoxStyle { isUTF8 ? .unicode : .ascii }
}
