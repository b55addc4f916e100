import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts one instance's process: in a session of its own (so a Ctrl-C meant for the supervisor's
/// terminal reaches the supervisor, which stops instances in order, and a stop reaches the whole
/// process group), standard input from /dev/null, standard output and error appended to its log
/// file, signal dispositions back to the defaults whatever the supervisor set for itself.
enum LocalProcessSpawner {
    /// glibc's `POSIX_SPAWN_SETSID`, which Swift's Glibc module leaves out (it needs _GNU_SOURCE).
    static let setSessionFlag: Int32 = 0x80

    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29), looked up at run time for the same reason.
    static let addChdir: AddChdir? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34): no descriptor the supervisor holds
    /// (a front port, a pipe to whoever started it) leaks into an instance, close-on-exec or not.
    static let addCloseFrom: AddCloseFrom? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)
    }()

    /// The pid, or why it could not start. `argv[0]` without a slash is looked up in `PATH`.
    static func spawn(argv: [String], environment: [String: String], directory: String?, logFile: String)
        -> Result<Int32, LocalProviderError> {
        guard let executable = argv.first, !executable.isEmpty else { return .failure(.cannotStart("the command is empty")) }
        if let failure = StateFiles.makeFolder(StateFiles.parentFolder(of: logFile)) {
            return .failure(.cannotWrite(path: logFile, reason: StateFiles.describe(failure)))
        }
        if let directory, directory != ".", addChdir == nil {
            return .failure(.cannotStart("this C library cannot start a process in another folder (\(directory))"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logFile, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        if let addCloseFrom { _ = addCloseFrom(&actions, 3) }
        if let directory, let addChdir {
            _ = directory.withCString { addChdir(&actions, $0) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setSessionFlag))

        var merged = ProcessInfo.processInfo.environment
        for (name, value) in environment { merged[name] = value }
        let environmentLines = merged.keys.sorted().map { "\($0)=\(merged[$0] ?? "")" }
        var pid: pid_t = 0
        let result = withCStrings(argv) { argvPointers in
            withCStrings(environmentLines) { environmentPointers in
                if executable.contains("/") {
                    return posix_spawn(&pid, executable, &actions, &attributes, argvPointers, environmentPointers)
                }
                return posix_spawnp(&pid, executable, &actions, &attributes, argvPointers, environmentPointers)
            }
        }
        guard result == 0 else {
            return .failure(.cannotStart("\(executable): \(StateFiles.describe(result))"))
        }
        return .success(pid)
    }

    /// Null-terminated C strings for the duration of `body`.
    private static func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
