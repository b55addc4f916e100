/// The numbers behind a behaviour, as functions of model time (seconds since the service started,
/// multiplied by the time scale). Pure, so that tests can check the curve without waiting for it.
public struct DemoProfile: Sendable, Equatable {
    public let behaviour: DemoBehaviour

    /// Model seconds over which a degrading version declines.
    public static let declineSeconds = 120.0
    /// The error ratio past which a degrading version's `/health` says 503.
    public static let unhealthyErrorRatio = 0.25
    /// Synthetic requests per model second.
    public static let requestsPerSecond = 5.0
    /// The window of the `http_error_ratio` gauge, in model seconds.
    public static let errorWindowSeconds = 30

    public init(_ behaviour: DemoBehaviour) {
        self.behaviour = behaviour
    }

    /// Model seconds before `/ready` says 200.
    public var warmUpSeconds: Double {
        switch behaviour {
        case .healthy: 0.3
        case .degrading: 6
        }
    }

    /// How far the decline has gone, from 0 to 1.
    func decline(at seconds: Double) -> Double {
        guard behaviour == .degrading, seconds.isFinite else { return 0 }
        return min(max(seconds / Self.declineSeconds, 0), 1)
    }

    /// The chance that a request at `seconds` fails with a 500.
    public func errorProbability(at seconds: Double) -> Double {
        switch behaviour {
        case .healthy: 0.005
        case .degrading: 0.02 + 0.38 * decline(at: seconds)
        }
    }

    /// A request's latency in seconds; `unit` is a random number in 0...1 that spreads it.
    public func latency(at seconds: Double, unit: Double) -> Double {
        let spread = min(max(unit, 0), 1)
        switch behaviour {
        case .healthy:
            return 0.020 + 0.020 * spread
        case .degrading:
            let base = 0.030 + 0.370 * decline(at: seconds)
            return base * (1 + spread)
        }
    }
}
