import OpsCore

/// The dialog of `d`, `p` and `R`: choosing a version (deploy), waiting for the plan, then the plan
/// and its gates until the operator confirms or closes it.
public struct ActionDialog: Sendable {
    public enum Stage: Sendable {
        /// Deploy: pick one of the versions the platform offers, or type one.
        case choosingVersion(ServiceKey, versions: PaneSource<[String]>, selected: Int)
        case planning(ActionRequest)
        case confirming(ActionProposal)
        /// Planning failed, or the action cannot be asked for here: the reason.
        case failed(title: String, message: String)
    }

    public internal(set) var stage: Stage
    /// The version typed, or the phrase that confirms.
    public internal(set) var input = TextInput()
    /// Rows the plan is scrolled down (PgDn, PgUp, arrows).
    public internal(set) var scroll = 0

    init(_ stage: Stage) { self.stage = stage }

    /// The versions still offered by what is typed.
    public var offeredVersions: [String] {
        guard case .choosingVersion(_, let versions, _) = stage else { return [] }
        let all = versions.value ?? []
        let typed = input.text.lowercased()
        return typed.isEmpty ? all : all.filter { $0.lowercased().contains(typed) }
    }
}
