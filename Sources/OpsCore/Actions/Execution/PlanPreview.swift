/// A plan as text before it runs: the dry run, and what the confirmation dialog shows.
public enum PlanPreview {
    /// ```
    /// deploy api/production: 1.4.1 -> 1.4.2
    ///   1. pull the image
    ///      $ docker pull registry.example.com/api:1.4.2
    /// ```
    /// Secrets redacted, control characters escaped: safe to print.
    public static func text(of plan: ActionPlan, redaction: CommandRedaction = .standard) -> String {
        var lines = ["\(plan.kind.rawValue) \(plan.key): \(plan.from ?? "(nothing)") -> \(plan.to)"]
        for (index, step) in plan.steps.enumerated() {
            lines.append("  \(index + 1). \(redaction.redactor.redact(step.summary))")
            lines.append("     $ \(redaction.commandLine(step.command))")
        }
        if plan.steps.isEmpty { lines.append("  (no commands)") }
        return lines.map { Sanitiser.sanitise($0) }.joined(separator: "\n")
    }
}
