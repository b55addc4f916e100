import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Who runs an action and from where: the journal's "who@host" and the lock's owner.
public struct ActionOperator: Hashable, Sendable {
    /// The login name.
    public var user: String
    /// The machine opsdeck runs on.
    public var host: String
    /// The address the operator came from over SSH, when opsdeck runs in an SSH session.
    public var client: String?
    public var pid: Int32

    public init(user: String, host: String, client: String? = nil, pid: Int32) {
        self.user = user
        self.host = host
        self.client = client
        self.pid = pid
    }

    /// `user@host`.
    public var userAtHost: String { "\(user)@\(host)" }

    /// This process: the effective user's name from the password database (`$USER` can be set to
    /// anything, but it is the fallback when the database has no entry, as in some containers),
    /// the host name, and the SSH client's address.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> ActionOperator {
        ActionOperator(user: currentUser(environment: environment), host: hostName(),
                       client: sshClient(environment["SSH_CONNECTION"]), pid: getpid())
    }

    static func currentUser(environment: [String: String]) -> String {
        let uid = geteuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        if let user = environment["USER"], !user.isEmpty { return user }
        return "uid \(uid)"
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown-host" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "unknown-host" : name
    }

    /// `SSH_CONNECTION` is `client-address client-port server-address server-port`: the first field.
    /// Capped so that a strange value cannot bloat every journal line.
    static func sshClient(_ connection: String?) -> String? {
        guard let first = connection?.split(separator: " ", maxSplits: 1).first, !first.isEmpty else { return nil }
        return String(first.prefix(64))
    }
}
