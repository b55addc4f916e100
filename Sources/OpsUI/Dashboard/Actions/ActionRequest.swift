import OpsCore

/// What the operator asked for with `d`, `p`, `R`, `S`, `P` or `X` (or what `auto_rollback` asks
/// for), before it is planned.
public struct ActionRequest: Hashable, Sendable {
    public enum What: Hashable, Sendable {
        case deploy(version: String)
        /// To the release of this id or version; nil: the last one that stayed healthy.
        case rollback(to: String?)
        /// What `source` runs, onto the request's key.
        case promote(from: ServiceKey)
        /// New replicas of what runs now.
        case restart
        /// An Argo Rollout's canary goes on past the pause it waits in.
        case promoteCanaryStep
        /// An Argo Rollout's canary is given up: the stable version takes every pod again.
        case abortCanary
    }

    /// The service and environment that changes.
    public var key: ServiceKey
    public var what: What
    /// For a promotion, the gates the dashboard judged from what it watches (the source's probes
    /// and metrics); the runtime adds the rest.
    public var judgedGates: [PromotionGate]
    /// Asked for by `auto_rollback`: runs without a dialog.
    public var automatic: Bool

    public init(key: ServiceKey, what: What, judgedGates: [PromotionGate] = [], automatic: Bool = false) {
        self.key = key
        self.what = what
        self.judgedGates = judgedGates
        self.automatic = automatic
    }

    public var kind: ActionPlan.Kind {
        switch what {
        case .deploy: .deploy
        case .rollback: .rollback
        case .promote: .promote
        case .restart: .restart
        case .promoteCanaryStep: .promote
        case .abortCanary: .rollback
        }
    }
}

/// A planned action waiting for the operator's yes: the plan with its exact commands, the gates
/// of a promotion, and what the target environment demands.
public struct ActionProposal: Hashable, Sendable {
    public var request: ActionRequest
    public var action: PreparedAction
    public var gates: [PromotionGate]
    /// The target environment wants the service's name typed.
    public var protected: Bool
    /// The target environment rolls back by itself when the watch finds it worse.
    public var autoRollback: Bool
    /// How long the service is watched after the action.
    public var watch: Duration

    public init(request: ActionRequest, action: PreparedAction, gates: [PromotionGate] = [], protected: Bool = false,
                autoRollback: Bool = false, watch: Duration = EnvironmentConfig.defaultWatch) {
        self.request = request
        self.action = action
        self.gates = gates
        self.protected = protected
        self.autoRollback = autoRollback
        self.watch = watch
    }

    public var plan: ActionPlan { action.plan }
    public var failingGates: [PromotionGate] { PromotionGates.failing(gates) }

    /// What must be typed to confirm: `override` when a gate is red, the service's name in a
    /// protected environment, both (`override api`) when both; nil: `y` or Enter.
    public var phrase: String? {
        let words = (failingGates.isEmpty ? [] : ["override"]) + (protected ? [plan.key.service] : [])
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// `deploy api/staging 1.4.0 -> 1.5.0`.
    public var title: String {
        "\(plan.kind.rawValue) \(plan.key) \(plan.from ?? "(nothing)") -> \(plan.to)"
    }
}
