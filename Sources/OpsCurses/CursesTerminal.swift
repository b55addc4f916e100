import CNcurses
import OpsUI
#if canImport(Glibc)
import Glibc
#endif

/// The terminal, owned through ncurses: drawing changed cells, reading keys, and putting the
/// terminal back on every way out (see `TerminalSignals`).
///
/// Not thread-safe: ncurses is not, so one UI thread creates, draws, reads and restores.
/// The one exception is `wake()` (and the `waker` handed to other threads), which only writes
/// a byte to a pipe. Only one `CursesTerminal` may exist at a time: curses and signal
/// handlers are process-wide.
public final class CursesTerminal {
    public struct InitError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The screen size in cells; updated on resize.
    public private(set) var size: Size
    /// The colours drawing uses; at most `.indexed256` (see `CursesColorMapping.colorDepth`).
    public let colorDepth: ColorDepth
    /// The locale's character set is UTF-8: line drawing may use box characters, not ASCII.
    public let isUTF8: Bool
    /// Wakes `nextEvent` from any thread.
    public let waker: WakePipe

    let screen: OpaquePointer
    let inputFile: UnsafeMutablePointer<FILE>
    let outputFile: UnsafeMutablePointer<FILE>
    let inputDescriptor: Int32
    let outputDescriptor: Int32
    let signals: TerminalSignals
    let defaultColorsWork: Bool
    var colorPairs: ColorPairTable
    var isRestored = false
    var pending = PendingSignals()
    var lastReportedSize: Size
    /// Reused for each run's UTF-8 bytes so drawing allocates nothing per frame.
    var textBytes: [UInt8] = []

    /// Takes over the terminal. Keys come from the terminal even when stdin is a pipe
    /// (`kubectl logs -f | opsdeck view`), as with `less`: when stdin (or stdout) is not a
    /// terminal, `/dev/tty` is opened for it. `useTTY: true` uses `/dev/tty` for both
    /// whatever stdin and stdout are.
    public convenience init(useTTY: Bool) throws(InitError) {
        var tty: Int32 = -1
        func terminal() throws(InitError) -> Int32 {
            if tty < 0 { tty = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY) }
            guard tty >= 0 else { throw InitError(description: "cannot open /dev/tty: no controlling terminal") }
            return tty
        }
        defer { if tty >= 0 { close(tty) } }
        let input = !useTTY && isatty(STDIN_FILENO) == 1 ? STDIN_FILENO : try terminal()
        let output = !useTTY && isatty(STDOUT_FILENO) == 1 ? STDOUT_FILENO : try terminal()
        try self.init(input: input, output: output)
    }

    /// Takes over the terminal on these descriptors (duplicated: the caller keeps and closes
    /// its own). `terminalType` nil means `$TERM`; `noColor` nil means "is NO_COLOR set".
    public init(input: Int32, output: Int32, terminalType: String? = nil, noColor: Bool? = nil) throws(InitError) {
        Self.configureLocale()
        let inputCopy = fcntl(input, F_DUPFD_CLOEXEC, 0), outputCopy = fcntl(output, F_DUPFD_CLOEXEC, 0)
        guard inputCopy >= 0, outputCopy >= 0,
              let inputFile = fdopen(inputCopy, "r"), let outputFile = fdopen(outputCopy, "w") else {
            if inputCopy >= 0 { close(inputCopy) }
            if outputCopy >= 0 { close(outputCopy) }
            throw InitError(description: "cannot use the terminal's descriptors")
        }
        let waker: WakePipe
        do { waker = try WakePipe() } catch {
            fclose(inputFile); fclose(outputFile)
            throw InitError(description: "cannot create the wake pipe (errno \(error.errno))")
        }
        guard let screen = newterm(terminalType, outputFile, inputFile) else {
            fclose(inputFile); fclose(outputFile)
            throw InitError(description: "unknown terminal type \(terminalType ?? Self.environment("TERM") ?? "(TERM unset)")")
        }
        set_term(screen)
        // ncurses waits a full second after Esc for the rest of a sequence; 25 ms is enough
        // even over SSH for the bytes of one key, and keeps Esc responsive.
        if Self.environment("ESCDELAY") == nil { set_escdelay(25) }
        cbreak()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        nodelay(cn_stdscr(), true)
        curs_set(0)
        var defaultColorsWork = false
        if has_colors() {
            start_color()
            defaultColorsWork = use_default_colors() != ERR
        }
        self.screen = screen
        self.inputFile = inputFile
        self.outputFile = outputFile
        self.inputDescriptor = inputCopy
        self.outputDescriptor = outputCopy
        self.waker = waker
        self.defaultColorsWork = defaultColorsWork
        let noColor = noColor ?? ((Self.environment("NO_COLOR") ?? "").isEmpty == false)
        colorDepth = has_colors() ? CursesColorMapping.colorDepth(colors: Int(cn_colors()), noColor: noColor) : .none
        colorPairs = ColorPairTable(colorPairs: has_colors() ? Int(cn_color_pairs()) : 0)
        isUTF8 = cn_codeset_is_utf8() != 0
        size = Size(columns: Int(cn_cols()), rows: Int(cn_lines()))
        lastReportedSize = size
        signals = TerminalSignals(wakeDescriptor: waker.writeDescriptor)
    }

    deinit {
        restore()
        delscreen(screen)
        fclose(inputFile)
        fclose(outputFile)
    }

    /// Wakes `nextEvent`; safe from any thread.
    public func wake() { waker.post(0) }

    /// Sends what `draw` wrote since the last refresh; curses sends only what changed.
    public func refresh() {
        guard !isRestored else { return }
        wnoutrefresh(cn_stdscr())
        doupdate()
    }

    /// Rings the terminal's bell (or flashes it, as the terminal is set up to).
    public func bell() {
        guard !isRestored else { return }
        beep()
    }

    /// Repaints the whole screen from scratch (after something else wrote to the terminal).
    public func fullRepaint() {
        guard !isRestored else { return }
        clearok(cn_curscr(), true)
        refresh()
    }

    /// Gives the terminal back: cursor shown, normal mode, previous signal handlers. Idempotent;
    /// after it the terminal is not drawn to again.
    public func restore() {
        guard !isRestored else { return }
        isRestored = true
        curs_set(1)
        endwin()
        signals.uninstall()
    }

    /// Ctrl-Z: gives the terminal back, stops the process as the shell expects, and on `fg`
    /// takes the terminal again and repaints it.
    public func suspend() {
        guard !isRestored else { return }
        endwin()
        signals.stopProcess()
        // SIGCONT has just arrived; its repaint is the one below.
        collectSignals()
        pending.continued = false
        updateSizeFromTerminal()
        curs_set(0)
        fullRepaint()
    }

    /// Ends the process by `signal` after `.terminate`, so a shell sees the real cause.
    public static func exitBySignal(_ signal: Int32) -> Never {
        TerminalSignals.exitBySignal(signal)
    }

    /// Bytes this process has written with write(2) and friends, from `wchar` of
    /// /proc/self/io (0 where there is none). A frame's bytes to the terminal are the delta
    /// around `refresh()`: counting inside curses would need an output FILE without a
    /// descriptor (fopencookie), and ncurses needs the descriptor for termios and the size.
    public static func bytesWrittenByProcess() -> Int {
        ProcessIOCounters.written()
    }

    /// The locale decides how curses reads and writes multibyte text. With no locale set at
    /// all (LANG, LC_ALL and LC_CTYPE unset, common under cron, sudo or `env -i`), C.UTF-8
    /// is assumed rather than the C locale's ASCII, which would garble every non-ASCII log.
    static func configureLocale() {
        setlocale(LC_ALL, "")
        let named = ["LC_ALL", "LC_CTYPE", "LANG"].contains { !(environment($0) ?? "").isEmpty }
        if !named { setlocale(LC_ALL, "C.UTF-8") }
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Reads the size of the terminal behind the output and tells curses when it changed.
    func updateSizeFromTerminal() {
        var rows: Int32 = 0, columns: Int32 = 0
        if cn_window_size(outputDescriptor, &rows, &columns) == 0, rows > 0, columns > 0,
           rows != cn_lines() || columns != cn_cols() {
            resizeterm(rows, columns)
        }
        size = Size(columns: Int(cn_cols()), rows: Int(cn_lines()))
    }
}
