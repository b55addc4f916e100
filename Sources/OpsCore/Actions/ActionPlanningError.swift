/// Why an action could not be planned; nothing has changed. The headless commands exit 2 (usage)
/// when the request itself is at fault (an unknown release, a version that names nothing) and 1
/// when the platform's state stands in the way.
public protocol ActionPlanningError: Error, CustomStringConvertible {
    var blamesRequest: Bool { get }
}

extension RollbackChoice.Problem: ActionPlanningError {
    public var blamesRequest: Bool { true }
}
