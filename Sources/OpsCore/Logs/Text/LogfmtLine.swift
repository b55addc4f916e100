/// A line read as logfmt: the free text before the first pair, then every pair in order.
public struct LogfmtLine: Equatable, Sendable {
    /// Text before the first `key=value` pair (`Started GET "/"` in
    /// `Started GET "/" status=200 level=info`), trimmed; nil when the line starts with a pair.
    public var leadingText: String?
    /// Pairs in the order written, duplicates kept. Quoted values are strings; bare values
    /// are typed as lnav types them: `true`/`false` are booleans, numbers keep their text.
    /// A bare word without `=` is a key whose value is `true`.
    public var pairs: [JSONMember]

    public init(leadingText: String? = nil, pairs: [JSONMember] = []) {
        self.leadingText = leadingText
        self.pairs = pairs
    }
}
