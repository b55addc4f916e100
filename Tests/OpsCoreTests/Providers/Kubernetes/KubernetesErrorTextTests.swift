import Testing
@testable import OpsCore

/// kubectl's failures in a few words, klog noise skipped.
@Suite struct KubernetesErrorTextTests {
    private let endpoint = KubernetesFixture.endpoint

    private func read(_ stderr: String) -> KubernetesError { KubernetesErrorText.error(stderr: stderr, endpoint: endpoint) }

    @Test func forbiddenSaysWhoMayNotDoWhatWhere() throws {
        let error = read(try KubernetesFixture.text("forbidden-pods.stderr"))
        #expect(error.kind == .forbidden)
        #expect(error.message == "not allowed to list pods in namespace shop (as dev@example.com)")
        #expect(error.description == "not allowed to list pods in namespace shop (as dev@example.com) (context prod-eu, namespace shop)")
    }

    @Test func aRefusedConnectionAfterKlogLines() throws {
        let error = read(try KubernetesFixture.text("refused.stderr"))
        #expect(error.kind == .unreachable && error.message == "the API server 127.0.0.1:6553 refused the connection")
    }

    @Test func otherServerAndClientErrors() {
        #expect(read("Error from server (NotFound): deployments.apps \"web\" not found\n")
            == KubernetesError(kind: .notFound, message: "deployments.apps \"web\" not found", endpoint: endpoint))
        #expect(read("error: You must be logged in to the server (Unauthorized)").kind == .unauthorized)
        #expect(read("E1129 00:57:40.490000 1 x.go:1] boom\nerror: You must be logged in to the server (the server has asked for the client to provide credentials)").kind == .unauthorized)
        let hung = read("Unable to connect to the server: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)")
        #expect(hung.kind == .unreachable && hung.message == "the API server did not answer in time")
        #expect(read("Unable to connect to the server: dial tcp: lookup k8s.example on 10.0.0.53:53: no such host").message
            == "cannot resolve the API server's host: dial tcp: lookup k8s.example on 10.0.0.53:53: no such host")
        #expect(read("error: context was not found for specified context: nosuch")
            == KubernetesError(kind: .noSuchContext, message: "kube context nosuch is not in the kubeconfig", endpoint: endpoint))
        #expect(read("error: unable to find the specified revision") .message == "unable to find the specified revision")
        #expect(read("").message == "kubectl failed without saying why")
        let forbiddenOddly = read("Error from server (Forbidden): something else entirely")
        #expect(forbiddenOddly.kind == .forbidden && forbiddenOddly.message == "forbidden: something else entirely")
    }

    @Test func controlBytesAndLongTextsAreTamed() {
        let error = read("error: \u{1B}]0;pwned\u{07}" + String(repeating: "x", count: 500))
        #expect(!error.message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(error.message.count <= KubernetesErrorText.maxLength + 1)
    }

    @Test func commandErrorsBecomeKubernetesErrors() throws {
        let command = endpoint.command(KubernetesCommands.getPods())
        let timedOut = try #require(KubernetesErrorText.error(CommandError.timedOut(command, after: .seconds(20)), endpoint: endpoint)
            as? KubernetesError)
        #expect(timedOut.kind == .timedOut && timedOut.message == "kubectl got no answer within 20s")
        let missing = try #require(KubernetesErrorText.error(CommandError.notFound(executable: "kubectl"), endpoint: endpoint)
            as? KubernetesError)
        #expect(missing.kind == .notInstalled)
        #expect(KubernetesErrorText.error(CancellationError(), endpoint: endpoint) is CancellationError)
    }
}
