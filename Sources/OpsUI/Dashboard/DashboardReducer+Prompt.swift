import OpsCore

/// The status line's prompts: `/` filters a table, `:` takes a command.
extension DashboardReducer {
    static func open(_ prompt: DashboardState.Prompt, text: String, on state: inout DashboardState) {
        state.prompt = prompt
        state.promptInput = TextInput(text)
    }

    /// Keys while a prompt is open edit it (readline keys); Enter applies it, Esc drops it.
    static func promptKey(_ key: Key, on state: inout DashboardState) -> [DashboardEffect] {
        switch state.promptInput.handle(key) {
        case .cancelled:
            state.prompt = nil
        case .submitted(let text):
            let prompt = state.prompt
            state.prompt = nil
            state.message = nil
            state.messageIsError = false
            return submit(prompt, DashboardText.trimmed(text[...]), on: &state)
        case .edited:
            state.message = nil
            state.messageIsError = false
        case .ignored:
            break
        }
        return []
    }

    static func submit(_ prompt: DashboardState.Prompt?, _ text: Substring, on state: inout DashboardState) -> [DashboardEffect] {
        switch prompt {
        case .filter(.history):
            state.historyFilter = String(text)
            reconcileRelease(&state)
        case .filter(.probes):
            state.probesFilter = String(text)
            reconcileProbe(&state)
        case .filter:
            state.servicesFilter = String(text)
            let effects = reconcileSelection(&state)
            if state.visibleServices.isEmpty, !text.isEmpty, !(state.services.value ?? []).isEmpty {
                state.message = "no service matches '\(text)' (Esc clears the filter)"
                state.messageIsError = true
            }
            return effects
        case .command:
            return command(text, on: &state)
        case nil:
            break
        }
        return []
    }

    /// The log view's commands, which `:` hands to the Logs pane.
    static let logViewCommands: Set<Substring> = ["level", "filter", "w", "save", "write", "wrap", "time"]

    static let commandSummary = "env NAME, svc NAME, theme NAME, refresh, q, level, filter, w, wrap, time"

    /// `:env NAME` / `:env`, `:svc NAME` / `:svc`, `:theme NAME`, `:refresh`, `:q`, and the log
    /// view's `level`, `filter`, `w`, `wrap`, `time` for the Logs pane.
    static func command(_ text: Substring, on state: inout DashboardState) -> [DashboardEffect] {
        let words = text.split(separator: " ", maxSplits: 1)
        guard let name = words.first else { return [] }
        let argument = words.count > 1 ? String(DashboardText.trimmed(words[1])) : ""
        switch name {
        case "q", "quit":
            return [.quit]
        case "r", "refresh":
            return refresh(&state)
        case "env", "environment":
            let known = (state.environmentOrder + (state.services.value ?? []).map(\.key.environment))
            return scope(\.environmentScope, to: argument, known: known, what: "environment", on: &state)
        case "svc", "service":
            let known = (state.services.value ?? []).map(\.key.service).sorted()
            return scope(\.serviceScope, to: argument, known: known, what: "service", on: &state)
        case "theme":
            guard !argument.isEmpty else {
                fail("theme takes a name: " + StockThemes.names.joined(separator: ", ") + " or your own", on: &state)
                return []
            }
            return [.setTheme(argument)]
        case _ where logViewCommands.contains(name):
            let effects = logCommand(String(text), on: &state)
            // The log view's answer ("'x' is not a level") goes on the dashboard's status line,
            // unless it reopened its own prompt to show the mistake there.
            if state.logs.prompt == nil, let message = state.logs.message {
                state.message = message
                state.messageIsError = state.logs.messageIsError
                state.logs.message = nil
                state.logs.messageIsError = false
            }
            return effects
        default:
            fail("unknown command '\(name)': " + commandSummary, on: &state)
            return []
        }
    }

    static func logCommand(_ text: String, on state: inout DashboardState) -> [DashboardEffect] {
        switch LogViewReducer.command(text, on: &state.logs) {
        case .none: []
        case .quit: [.quit]
        case .save(let path): [.save(path: path)]
        }
    }

    /// Sets or clears (`argument` empty) an environment or service scope. A name the fleet does
    /// not have is refused while the fleet is known, so a typo never empties the screen.
    static func scope(_ field: WritableKeyPath<DashboardState, String?>, to argument: String, known: [String],
                      what: String, on state: inout DashboardState) -> [DashboardEffect] {
        if argument.isEmpty {
            state[keyPath: field] = nil
            state.message = "every \(what)"
        } else {
            var names: [String] = []
            for name in known where !names.contains(name) { names.append(name) }
            guard names.isEmpty || names.contains(argument) else {
                fail("no \(what) '\(argument)': " + names.joined(separator: ", "), on: &state)
                return []
            }
            state[keyPath: field] = argument
            state.message = "only \(what) \(argument) (:\(what == "service" ? "svc" : "env") for all)"
        }
        reconcileProbe(&state)
        return reconcileSelection(&state)
    }

    static func fail(_ message: String, on state: inout DashboardState) {
        state.message = message
        state.messageIsError = true
    }
}
