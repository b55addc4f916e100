import Foundation
import OpsCore

/// What `opsdeck probe --watch` does with an alert: prints it, rings the bell if asked to, writes
/// it to the journal and queues the `on_alert` hook, whose outcome is printed when it is known.
///
/// Nothing here may stop the watch or lose the alert: a journal that cannot be written is said on
/// standard error and the alert still printed and hooked; a hook that fails, hangs or is missing
/// is an outcome line, and the hooks of later alerts still run.
final class ProbeAlerting: Sendable {
    private let printer: LinePrinter
    private let format: ProbeOutputFormat
    private let bell: Bool
    private let delivery: AlertDelivery

    /// `journalPath` nil: alerts are not journalled (there is no place for a journal). `hook` nil:
    /// no `on_alert`, or `--no-hooks`.
    init(printer: LinePrinter, format: ProbeOutputFormat, bell: Bool, journalPath: String?, hook: AlertHook?,
         observer: ActionOperator = .current()) {
        self.printer = printer
        self.format = format
        self.bell = bell
        delivery = AlertDelivery(journalPath: journalPath, hook: hook, observer: observer) { alert, outcome in
            printer.write(AlertLines.hook(outcome, for: alert, format: format, now: Date()))
        }
    }

    /// Called in the order the changes happen (under the board's lock), so alerts are printed,
    /// journalled and hooked in that order too.
    func handle(_ alert: Alert) {
        var line = AlertLines.alert(alert, format: format)
        if bell, alert.transition == .raised { line += "\u{07}" }
        printer.write(line)
        if let failure = delivery.deliver(alert) {
            Self.warn("cannot journal \(alert.summary): \(Sanitiser.sanitise(failure.description))")
        }
    }

    /// Waits for the hooks still queued (each bounded by its deadline).
    func finishHooks() async { await delivery.finishHooks() }

    /// Kills the running hook and skips the queued ones (a second interrupt).
    func cancelHooks() { delivery.cancelHooks() }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data("opsdeck probe: \(text)\n".utf8))
    }
}
