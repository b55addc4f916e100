#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import NIOCore
import NIOPosix

/// Name resolution for the client's connections, each lookup on a thread of its own.
///
/// NIO's own resolver runs `getaddrinfo` (which blocks) on one serial queue per event loop: a name
/// whose DNS server does not answer would hold up the lookups of every other probe behind it. Here
/// one `getaddrinfo` (any family) per connection runs on the global concurrent queue and answers
/// both of NIO's questions (A and AAAA), so happy eyeballs still tries IPv6 and IPv4.
final class ConcurrentResolver: Resolver, @unchecked Sendable {
    private let loop: any EventLoop
    private let lookup: EventLoopPromise<[SocketAddress]>
    private let lock = NSLock()
    /// Under `lock`: whether the lookup has begun (NIO asks twice, A then AAAA).
    private var started = false

    init(loop: any EventLoop) {
        self.loop = loop
        lookup = loop.makePromise(of: [SocketAddress].self)
    }

    func initiateAQuery(host: String, port: Int) -> EventLoopFuture<[SocketAddress]> {
        start(host: host, port: port)
        return lookup.futureResult.map { $0.filter { $0.protocol == .inet } }
    }

    func initiateAAAAQuery(host: String, port: Int) -> EventLoopFuture<[SocketAddress]> {
        start(host: host, port: port)
        return lookup.futureResult.map { $0.filter { $0.protocol == .inet6 } }
    }

    /// A lookup in progress cannot be stopped (`getaddrinfo` has no cancellation); its answer is
    /// dropped by whoever gave up on it.
    func cancelQueries() {}

    private func start(host: String, port: Int) {
        let first = lock.withLock { () -> Bool in
            defer { started = true }
            return !started
        }
        guard first else { return }
        let lookup = self.lookup
        DispatchQueue.global().async {
            do {
                lookup.succeed(try Self.resolve(host: host, port: port))
            } catch {
                lookup.fail(error)
            }
        }
    }

    static func resolve(host: String, port: Int) throws -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Darwin)
        hints.ai_socktype = SOCK_STREAM
        #else
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #endif
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw HTTPClientError.cannotResolve(host: host)
        }
        defer { freeaddrinfo(first) }
        var addresses: [SocketAddress] = []
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let entry = next {
            if let address = entry.pointee.ai_addr {
                switch entry.pointee.ai_family {
                case AF_INET:
                    let v4 = UnsafeRawPointer(address).load(as: sockaddr_in.self)
                    addresses.append(SocketAddress(v4, host: host))
                case AF_INET6:
                    let v6 = UnsafeRawPointer(address).load(as: sockaddr_in6.self)
                    addresses.append(SocketAddress(v6, host: host))
                default:
                    break
                }
            }
            next = entry.pointee.ai_next
        }
        return addresses
    }
}
