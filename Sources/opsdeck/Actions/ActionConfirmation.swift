import Foundation
import OpsCore

/// Asking before anything changes. With `--yes` nothing is asked. On a terminal the operator is
/// asked (y/N), and for a protected environment must type the service's name. Without a terminal and
/// without `--yes` nothing runs: a script that forgot `--yes` must not hang, nor change production
/// because some input happened to say "y".
enum ActionConfirmation {
    static func confirm(_ plan: ActionPlan, protected: Bool, yes: Bool) throws(ActionStop) {
        if yes { return }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ActionStop(.usage, "not confirmed: standard input is not a terminal to ask on, so nothing ran; pass --yes to run \(plan.kind.rawValue)s from scripts")
        }
        let prompt = protected
            ? "\(plan.key.environment) is protected: type the service name (\(plan.key.service)) to \(plan.kind.rawValue): "
            : "\(plan.kind.rawValue.capitalized) \(plan.key)? [y/N] "
        ActionOutput.write(Sanitiser.sanitise(prompt), to: STDERR_FILENO)
        let answer = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
        let accepted = protected ? answer == plan.key.service : ["y", "yes"].contains(answer.lowercased())
        guard accepted else {
            throw ActionStop(.usage, protected ? "not confirmed: the name typed was not \(plan.key.service); nothing ran"
                                                : "not confirmed; nothing ran")
        }
    }
}
