/// One version a service ran, or runs, in one environment: a row of the History pane.
public struct Release: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable {
        /// What runs now.
        case live
        /// Ran before and was replaced.
        case superseded
        /// Being rolled out.
        case inProgress
        /// Never became healthy, or was rolled back.
        case failed
    }

    /// Where the row comes from: the platform's own history, or opsdeck's journal of its actions.
    public enum Origin: String, Hashable, Sendable {
        case provider
        case journal
    }

    /// The platform's id of the release (revision number, release id, image id).
    public var id: String
    public var version: String
    public var image: ImageReference?
    public var commit: String?
    public var createdAt: LogTimestamp?
    /// Who made it, where the platform or the journal knows.
    public var author: String?
    public var status: Status
    public var origin: Origin
    /// The platform's reason or change-cause, when it has one.
    public var note: String?

    public init(id: String, version: String, image: ImageReference? = nil, commit: String? = nil,
                createdAt: LogTimestamp? = nil, author: String? = nil, status: Status,
                origin: Origin = .provider, note: String? = nil) {
        self.id = id
        self.version = version
        self.image = image
        self.commit = commit
        self.createdAt = createdAt
        self.author = author
        self.status = status
        self.origin = origin
        self.note = note
    }
}
