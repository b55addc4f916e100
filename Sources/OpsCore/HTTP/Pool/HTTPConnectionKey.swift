/// Which requests may share a connection: the same scheme, host and port, and the same trust.
///
/// `insecure` is part of it although the handshake is the same either way: a connection opened for an
/// `insecure` probe may have a certificate that a strict probe must refuse, and a strict probe must
/// never be answered over it. The client's trust roots need no place here: each client has its own pool.
struct HTTPConnectionKey: Hashable, Sendable {
    var scheme: HTTPURL.Scheme
    /// As the URL names it (a name or an address): the certificate is judged against this name.
    var host: String
    var port: Int
    var insecure: Bool

    init(_ url: HTTPURL, insecure: Bool) {
        scheme = url.scheme
        host = url.host
        port = url.port
        // Trust does not matter over plain http: both kinds of probe may share.
        self.insecure = url.scheme == .https && insecure
    }
}
