import OpsCore

/// One thing the demo service logs, before a logger gives it its shape.
public struct DemoLogEvent: Sendable, Equatable {
    public enum Level: String, Sendable, CaseIterable {
        case debug, info, warn, error
    }

    /// An error and where it was raised.
    public struct Failure: Sendable, Equatable {
        /// `UpstreamTimeout`, `CardDeclined`.
        public var type: String
        public var message: String
        /// Frames, innermost first, as `function (file:line)`; each logger writes them its language's way.
        public var frames: [Frame]

        public init(type: String, message: String, frames: [Frame]) {
            self.type = type
            self.message = message
            self.frames = frames
        }
    }

    public struct Frame: Sendable, Equatable {
        public var function: String
        public var file: String
        public var line: Int

        public init(function: String, file: String, line: Int) {
            self.function = function
            self.file = file
            self.line = line
        }
    }

    public var level: Level
    public var message: String
    public var time: LogTimestamp
    /// The event's own fields, in order (`method`, `path`, `status`, `latency_ms`, `user_id`, …).
    public var fields: [JSONMember]
    public var failure: Failure?

    public init(level: Level, message: String, time: LogTimestamp, fields: [JSONMember] = [], failure: Failure? = nil) {
        self.level = level
        self.message = message
        self.time = time
        self.fields = fields
        self.failure = failure
    }
}
