import OpsCore

/// What happens to the log view: keys, records arriving, the screen's size.
public enum LogViewAction: Sendable {
    case key(Key)
    case records([LogRecord])
    /// What the last render showed: its first record and how many rows the records pane has,
    /// so paging moves by a screen and scrolling stays smooth.
    case viewport(top: Int, rows: Int)
}

/// What the runtime must do after a reduce: nothing, quit, or write the shown records.
public enum LogViewEffect: Sendable, Equatable {
    case none
    case quit
    case save(path: String)
}

/// The log view's reducer: pure, no clock, no files, no terminal.
public enum LogViewReducer {
    public static let levelCycle: [LogLevel?] = [nil, .debug, .info, .warn, .error, .fatal]

    public static func reduce(_ state: inout LogViewState, _ action: LogViewAction,
                              keymap: Keymap<LogViewIntent> = .logView) -> LogViewEffect {
        switch action {
        case .records(let records):
            state.append(records)
            return .none
        case .viewport(let top, let rows):
            state.top = max(0, top)
            state.pageRows = max(1, rows)
            return .none
        case .key(let key):
            if state.prompt != nil { return promptKey(&state, key) }
            state.message = nil
            state.messageIsError = false
            if state.showingHelp {
                switch keymap.intent(for: key) {
                case .lineDown: state.helpScroll = min(state.helpScroll + 1, helpRows(keymap))
                case .lineUp: state.helpScroll = max(0, state.helpScroll - 1)
                case .pageDown, .halfPageDown:
                    state.helpScroll = min(state.helpScroll + max(1, state.pageRows / 2), helpRows(keymap))
                case .pageUp, .halfPageUp: state.helpScroll = max(0, state.helpScroll - max(1, state.pageRows / 2))
                case .close, .help, .quit:
                    state.showingHelp = false
                    state.helpScroll = 0
                default: break
                }
                return .none
            }
            guard let intent = keymap.intent(for: key) else { return .none }
            return perform(intent, on: &state)
        }
    }

    /// The rows the help has (a bound for its scroll: the overlay clamps to what fits).
    static func helpRows(_ keymap: Keymap<LogViewIntent>) -> Int {
        let sections = keymap.helpSections()
        return sections.reduce(0) { $0 + $1.rows.count + 2 }
    }

    static func perform(_ intent: LogViewIntent, on state: inout LogViewState) -> LogViewEffect {
        switch intent {
        case .lineDown: move(&state, by: 1)
        case .lineUp: move(&state, by: -1)
        case .pageDown: move(&state, by: state.pageRows)
        case .pageUp: move(&state, by: -state.pageRows)
        case .halfPageDown: move(&state, by: max(1, state.pageRows / 2))
        case .halfPageUp: move(&state, by: -max(1, state.pageRows / 2))
        case .scrollLeft: state.horizontalOffset = max(0, state.horizontalOffset - 8)
        case .scrollRight: if !state.wrap { state.horizontalOffset += 8 }
        case .top:
            state.following = false
            state.selected = (state.visibleCount == 0) ? nil : 0
        case .followTail:
            state.following = true
            state.newBelow = 0
            state.selected = (state.visibleCount == 0) ? nil : state.visibleCount - 1
        case .search: open(.search, text: state.search ?? "", on: &state)
        case .nextMatch:
            let search = state.search
            jump(&state, forward: true, what: "match") { matchesSearch($0, search) }
        case .previousMatch:
            let search = state.search
            jump(&state, forward: false, what: "match") { matchesSearch($0, search) }
        case .nextError: jump(&state, forward: true, what: "error") { $0.level >= .error }
        case .previousError: jump(&state, forward: false, what: "error") { $0.level >= .error }
        case .nextWarning: jump(&state, forward: true, what: "warning") { $0.level == .warn }
        case .previousWarning: jump(&state, forward: false, what: "warning") { $0.level == .warn }
        case .cycleLevel:
            let position = levelCycle.firstIndex(of: state.levelOverride) ?? 0
            state.levelOverride = levelCycle[(position + 1) % levelCycle.count]
            state.refilter()
            state.message = "level ≥ \(state.levelOverride?.name ?? "all")"
        case .editFilter: open(.filter, text: state.filterText, on: &state)
        case .toggleTimestamps:
            let styles = LogViewState.TimeStyle.allCases
            state.timeStyle = styles[((styles.firstIndex(of: state.timeStyle) ?? 0) + 1) % styles.count]
        case .toggleWrap:
            state.wrap.toggle()
            state.horizontalOffset = 0
        case .save: open(.save, text: "opsdeck-export.jsonl", on: &state)
        case .openDetail: state.detail = state.selected
        case .detailDown: if state.detail != nil { state.detailScroll += max(1, state.pageRows / 4) }
        case .detailUp: state.detailScroll = max(0, state.detailScroll - max(1, state.pageRows / 4))
        case .close:
            if state.detail != nil { state.detail = nil } else { state.search = nil }
        case .help: state.showingHelp = true
        case .command: open(.command, text: "", on: &state)
        case .quit: return .quit
        }
        return .none
    }

    // MARK: - Moving

    static func move(_ state: inout LogViewState, by delta: Int) {
        guard let selected = state.selected else { return }
        let last = state.visibleCount - 1
        let target = min(max(0, selected + delta), last)
        if delta < 0 { state.following = false }
        state.selected = target
        if state.detail != nil { state.detail = target }
        if target == last, !state.following, delta > 0 { state.newBelow = 0 }
    }

    /// Selects the next (or previous) shown record that satisfies `test`, from the selection.
    static func jump(_ state: inout LogViewState, forward: Bool, what: String, _ test: (LogRecord) -> Bool) {
        guard let selected = state.selected else { return }
        let candidates = forward ? Array(stride(from: selected + 1, to: state.visibleCount, by: 1))
                                 : Array(stride(from: selected - 1, through: 0, by: -1))
        guard let found = candidates.first(where: { test(state.record(atVisible: $0)) }) else {
            state.message = "no \(forward ? "next" : "previous") \(what)"
            return
        }
        state.following = false
        state.selected = found
        if state.detail != nil { state.detail = found }
    }

    static func matchesSearch(_ record: LogRecord, _ search: String?) -> Bool {
        guard let search, !search.isEmpty else { return false }
        return LogQuery(texts: [search]).matches(record)
    }

    // MARK: - Prompts

    static func open(_ prompt: LogViewState.Prompt, text: String, on state: inout LogViewState) {
        state.prompt = prompt
        state.promptInput = TextInput(text)
    }

    /// Keys while a prompt is open edit it (readline keys: Ctrl-A, Ctrl-E, Ctrl-U, Ctrl-W, ...).
    static func promptKey(_ state: inout LogViewState, _ key: Key) -> LogViewEffect {
        switch state.promptInput.handle(key) {
        case .cancelled:
            state.prompt = nil
        case .submitted(let text):
            let prompt = state.prompt
            state.prompt = nil
            return submit(prompt, text, on: &state)
        case .edited:
            state.message = nil
            state.messageIsError = false
        case .ignored:
            break
        }
        return .none
    }

    static func submit(_ prompt: LogViewState.Prompt?, _ text: String, on state: inout LogViewState) -> LogViewEffect {
        switch prompt {
        case .search:
            let search: String? = text.isEmpty ? nil : text
            state.search = search
            if let selected = state.selected, !matchesSearch(state.record(atVisible: selected), search) {
                jump(&state, forward: true, what: "match") { matchesSearch($0, search) }
            }
        case .filter:
            do {
                state.filterQuery = try FilterExpression.parse(text)
                state.filterText = text
                state.refilter()
                state.message = "\(state.visibleCount) of \(state.store.count) records match"
            } catch {
                state.message = "filter \(error.description)"
                state.messageIsError = true
                open(.filter, text: text, on: &state)
            }
        case .save:
            guard !text.isEmpty else { return .none }
            return .save(path: text)
        case .command:
            return command(text, on: &state)
        case nil:
            break
        }
        return .none
    }

    /// The `:` command line: `q`, `level LEVEL`, `filter EXPR`, `w PATH`, `wrap`, `time STYLE`.
    static func command(_ text: String, on state: inout LogViewState) -> LogViewEffect {
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = words.first else { return .none }
        let argument = words.count > 1 ? words[1] : ""
        switch name {
        case "q", "quit": return .quit
        case "w", "save", "write": return argument.isEmpty ? .none : .save(path: argument)
        case "wrap": state.wrap.toggle()
        case "filter": return submit(.filter, argument, on: &state)
        case "level":
            guard let level = LogLevel(canonicalName: argument) else {
                state.message = "'\(argument)' is not a level"
                state.messageIsError = true
                return .none
            }
            state.levelOverride = level
            state.refilter()
        case "time":
            switch argument {
            case "absolute": state.timeStyle = .absolute
            case "relative": state.timeStyle = .relative
            case "off": state.timeStyle = .off
            default:
                state.message = "time takes absolute, relative or off"
                state.messageIsError = true
            }
        default:
            state.message = "unknown command '\(name)': q, level LEVEL, filter EXPR, w PATH, wrap, time STYLE"
            state.messageIsError = true
        }
        return .none
    }
}
