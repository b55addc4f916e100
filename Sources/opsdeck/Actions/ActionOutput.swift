import Foundation
import OpsCore
#if canImport(Glibc)
import Glibc
#endif

/// What a headless action prints on standard output: in text, the plan and each step as it runs;
/// in JSON, one object at the end (the plan for a dry run, else the outcome). Writes go straight to
/// the descriptor and their failures are ignored: after SIGHUP the terminal is gone, and the action
/// must still finish and journal rather than die on a write.
final class ActionOutput: Sendable {
    let format: ActionOptions.OutputFormat

    init(format: ActionOptions.OutputFormat) {
        self.format = format
        // A reader that went away must not kill the action half-way with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
    }

    var isText: Bool { format == .text }

    func text(_ line: String) {
        guard isText else { return }
        Self.write(line + "\n")
    }

    func json(_ value: JSONValue) {
        var writer = JSONWriter()
        writer.write(value)
        Self.write(String(decoding: writer.bytes, as: UTF8.self) + "\n")
    }

    /// Progress of a running plan, as text.
    func progress(_ event: ActionProgress) {
        guard isText else { return }
        switch event {
        case .stepStarted(let index, let count, let summary, let commandLine):
            text("[\(index + 1)/\(count)] \(Sanitiser.sanitise(summary))")
            text("      $ \(Sanitiser.sanitise(commandLine))")
        case .output(_, let line):
            text("      | \(line)")
        case .stepFinished(let step):
            var words = "      \(step.outcome.rawValue) in \(Self.seconds(step.durationMilliseconds))"
            if let code = step.exitCode, code != 0 { words += ", exit \(code)" }
            if let error = step.error { words += ": \(error)" }
            text(Sanitiser.sanitise(words))
            if step.outcome != .ok, let standardError = step.standardError {
                for line in standardError.split(whereSeparator: \.isNewline) { text("      ! \(Sanitiser.sanitise(String(line)))") }
            }
        }
    }

    static func seconds(_ milliseconds: Int64) -> String {
        "\(milliseconds / 1000).\(String(format: "%01d", (milliseconds % 1000) / 100))s"
    }

    /// Writes all of `text` to `fd` (standard output unless told), giving up quietly on an error.
    static func write(_ text: String, to fd: Int32 = STDOUT_FILENO) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Glibc.write(fd, base + offset, raw.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// The JSON shapes of plans and reports.
enum ActionJSON {
    static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    static func number<T: BinaryInteger>(_ value: T?) -> JSONValue { value.map { .number(String($0)) } ?? .null }

    static func plan(_ deployment: PreparedAction, redaction: CommandRedaction = .standard) -> JSONValue {
        let plan = deployment.plan
        func steps(_ steps: [ActionPlan.Step]) -> JSONValue {
            .array(steps.map { step in
                .object([JSONMember("summary", .string(redaction.redactor.redact(step.summary))),
                         JSONMember("argv", .array(redaction.argv(step.command.argv).map(JSONValue.string))),
                         JSONMember("command", .string(redaction.commandLine(step.command)))])
            })
        }
        let recoveries = deployment.recoveries.keys.sorted().map { index in
            JSONMember(String(index + 1), steps(deployment.recoveries[index] ?? []))
        }
        return .object([
            JSONMember("kind", .string(plan.kind.rawValue)), JSONMember("service", .string(plan.key.service)),
            JSONMember("environment", .string(plan.key.environment)), JSONMember("from", string(plan.from)),
            JSONMember("to", .string(plan.to)), JSONMember("from_digest", string(deployment.fromDigest)),
            JSONMember("to_digest", string(deployment.toDigest)), JSONMember("steps", steps(plan.steps)),
            JSONMember("files", .array(deployment.files.map { file in
                .object([JSONMember("path", .string(file.path)), JSONMember("contents", .string(file.contents))])
            })),
            JSONMember("if_step_fails", .object(recoveries)),
        ])
    }

    static func report(_ report: ActionReport) -> JSONValue {
        .object([
            JSONMember("id", .string(report.id)), JSONMember("kind", .string(report.kind.rawValue)),
            JSONMember("outcome", .string(report.outcome.rawValue)),
            JSONMember("duration_ms", number(report.durationMilliseconds)),
            JSONMember("stopped_before_step", number(report.stoppedBeforeStep.map { $0 + 1 })),
            JSONMember("journal_error", string(report.journalFailure.map { "\($0)" })),
            JSONMember("steps", .array(report.steps.map { step in
                .object([JSONMember("step", number(step.index + 1)), JSONMember("summary", .string(step.summary)),
                         JSONMember("command", .string(step.commandLine)), JSONMember("outcome", .string(step.outcome.rawValue)),
                         JSONMember("exit_code", number(step.exitCode)), JSONMember("signal", number(step.signal)),
                         JSONMember("duration_ms", number(step.durationMilliseconds)),
                         JSONMember("stderr", string(step.standardError)), JSONMember("error", string(step.error))])
            })),
        ])
    }
}
