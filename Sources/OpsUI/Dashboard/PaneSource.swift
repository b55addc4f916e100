import OpsCore

/// Why a source's last load failed: the CLI's words (raw; sanitised when drawn) and when.
public struct SourceFailure: Hashable, Sendable {
    public var message: String
    public var at: LogTimestamp

    public init(message: String, at: LogTimestamp) {
        self.message = message
        self.at = at
    }
}

/// Where a pane's data stands: loading, loaded at a time, or failed, with the last good data
/// kept through a failure (then shown as stale) so one broken CLI never blanks the screen.
public struct PaneSource<Value: Sendable>: Sendable {
    /// The last data that arrived, kept through failures.
    public private(set) var value: Value?
    /// When `value` arrived.
    public private(set) var loadedAt: LogTimestamp?
    /// The last load's failure; cleared by the next success.
    public private(set) var failure: SourceFailure?
    /// A load was asked for and has not answered yet.
    public private(set) var isLoading: Bool

    /// A source nobody has asked for yet.
    public static var idle: PaneSource { PaneSource(isLoading: false) }
    /// A source whose first load is under way.
    public static var loading: PaneSource { PaneSource(isLoading: true) }

    private init(isLoading: Bool) {
        self.isLoading = isLoading
    }

    public mutating func startLoading() { isLoading = true }

    public mutating func load(_ value: Value, at time: LogTimestamp) {
        self.value = value
        loadedAt = time
        failure = nil
        isLoading = false
    }

    public mutating func fail(_ message: String, at time: LogTimestamp) {
        failure = SourceFailure(message: message, at: time)
        isLoading = false
    }

    /// The data shown comes from before a failure.
    public var isStale: Bool { failure != nil && value != nil }
}

extension PaneSource: Equatable where Value: Equatable {}
