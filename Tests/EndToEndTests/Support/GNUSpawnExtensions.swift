import Glibc

/// glibc functions that Swift's Glibc module hides behind `_GNU_SOURCE`, looked up at run time.
/// Each is in glibc since 2.29–2.34 (Debian 12 has 2.36); nil where the C library lacks it.
enum GNUSpawnExtensions {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// `pipe2(fds, O_CLOEXEC)` creates both ends close-on-exec atomically, with no window in which a
    /// process spawned by another thread could inherit them.
    static let pipe2: Pipe2? = lookUp("pipe2")
    static let addChdir: AddChdir? = lookUp("posix_spawn_file_actions_addchdir_np")
    static let addCloseFrom: AddCloseFrom? = lookUp("posix_spawn_file_actions_addclosefrom_np")

    private static func lookUp<Function>(_ name: String) -> Function? {
        // A null handle is RTLD_DEFAULT: search the libraries the process already loaded.
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }
}
