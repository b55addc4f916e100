import OpsCore

/// Planning reads the platform (`docker ps`, `inspect`, `kubectl get`); this runs it from a
/// synchronous command and sorts its failures into exit statuses. Nothing has changed when planning
/// fails.
enum ActionPlanning {
    static func plan<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws(ActionStop) -> T {
        let result: Result<T, any Error> = BlockingWait.run {
            do { return .success(try await work()) } catch { return .failure(error) }
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let error as any ActionPlanningError):
            throw ActionStop(error.blamesRequest ? .usage : .failed, "\(error); nothing ran")
        case .failure(let error):
            throw ActionStop(.failed, "cannot plan: \(error); nothing ran")
        }
    }
}
