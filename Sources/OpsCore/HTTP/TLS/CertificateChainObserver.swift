import Foundation
import NIOSSL

/// Watches BoringSSL verify the server's chain during one handshake and lets the handshake go on
/// whatever it finds; the exchange decides afterwards, with the whole picture and the request's
/// `insecure`, whether to send anything.
///
/// BoringSSL calls `observe` once or more for every certificate of the chain it builds (root first),
/// with its own verdict so far. Only ever used on the channel's event loop.
final class CertificateChainObserver {
    private(set) var certificates: [NIOSSLCertificate] = []
    private(set) var chainVerified = true
    private var called = false

    func observe(_ result: NIOSSLVerificationResult, _ certificate: NIOSSLCertificate) -> NIOSSLVerificationResult {
        called = true
        if result == .failed { chainVerified = false }
        if !certificates.contains(certificate) { certificates.append(certificate) }
        return .certificateVerified
    }

    /// The facts about `leaf` (the certificate the server presented), judged for `host`.
    func facts(leaf: NIOSSLCertificate, host: String, now: Date) -> TLSFacts {
        let issuers = certificates.filter { $0 != leaf }.reversed().map(CertificateSummary.init)
        return CertificateJudge.facts(leaf: CertificateSummary(leaf), issuers: Array(issuers),
                                      chainVerified: called && chainVerified, host: host, now: now)
    }
}

/// Makes the TLS handler of a connection, wired to a `CertificateChainObserver`.
enum TLSClientHandlerFactory {
    static func make(context: NIOSSLContext, serverHostname: String?, observer: CertificateChainObserver) throws
        -> NIOSSLClientHandler {
        try maker.make(context: context, serverHostname: serverHostname, observer: observer)
    }

    private static let maker: any LegacyVerifyingHandlerMaking.Type = LegacyVerification.self
}

/// Why the deprecated `verificationCallback` initialiser: it is the only one of NIOSSL's that keeps
/// BoringSSL's own verification (trust store, chain building, signatures, dates) and still shows
/// each certificate with BoringSSL's verdict. The `customVerificationCallback` ones replace
/// BoringSSL's verification entirely (the callback would have to verify signatures itself), and
/// without a callback a refused handshake reveals neither the certificate nor why.
///
/// The call sits in a deprecated function reached through a protocol requirement, which keeps the
/// deprecation warning out of every build while the reason stays written here.
private protocol LegacyVerifyingHandlerMaking: Sendable {
    static func make(context: NIOSSLContext, serverHostname: String?, observer: CertificateChainObserver) throws
        -> NIOSSLClientHandler
}

private enum LegacyVerification: LegacyVerifyingHandlerMaking {
    @available(*, deprecated, message: "uses NIOSSL's per-certificate verification callback on purpose")
    static func make(context: NIOSSLContext, serverHostname: String?, observer: CertificateChainObserver) throws
        -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: serverHostname,
                                verificationCallback: { result, certificate in observer.observe(result, certificate) })
    }
}
