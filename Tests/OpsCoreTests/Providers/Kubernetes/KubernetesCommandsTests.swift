import Testing
@testable import OpsCore

/// The argv of every read: always the context and namespace, a request timeout and a deadline on
/// one-shot calls, neither on followed ones.
@Suite struct KubernetesCommandsTests {
    @Test func oneShotReadsNameContextNamespaceAndBothTimeouts() {
        let endpoint = KubernetesEndpoint(context: "stage eu", namespace: "shop;rm -rf /", requestTimeout: .milliseconds(2500),
                                          deadline: .seconds(7))
        let command = endpoint.command(KubernetesCommands.getDeployments())
        #expect(command.argv == ["kubectl", "--context", "stage eu", "--namespace", "shop;rm -rf /",
                                 "--request-timeout", "2500ms", "get", "deployments", "-o", "json"])
        #expect(command.timeout == .seconds(7) && !command.isLongRunning)
        #expect(KubernetesFixture.endpoint.command([]).argv.suffix(2) == ["--request-timeout", "5s"])
    }

    @Test func aKubeconfigAndDiscoveryCacheOfItsOwnComeFirstWhenGiven() {
        let endpoint = KubernetesEndpoint(context: "c", namespace: "n", kubeconfig: "/tmp/a b/config",
                                          cacheDirectory: "/tmp/cache")
        #expect(endpoint.command(["get", "pods"], isLongRunning: true).argv
            == ["kubectl", "--kubeconfig", "/tmp/a b/config", "--cache-dir", "/tmp/cache", "--context", "c",
                "--namespace", "n", "get", "pods"])
        let grouped = KubernetesProvider.providers(
            for: [ServiceKey(service: "web", environment: "prod"): KubernetesTarget(context: "c", namespace: "n",
                                                                                     workload: .deployment("web"))],
            runner: FakeCommandRunner(), kubeconfig: "/k", cacheDirectory: "/d")
        #expect(grouped.map(\.endpoint.kubeconfig) == ["/k"] && grouped.map(\.endpoint.cacheDirectory) == ["/d"])
    }

    @Test func followedCommandsHaveNoRequestTimeoutThatWouldCutThem() {
        let logs = KubernetesFixture.endpoint.command(KubernetesCommands.followLogs(pod: "web-1", tail: -5), isLongRunning: true)
        #expect(logs.argv == ["kubectl", "--context", "prod-eu", "--namespace", "shop", "logs", "--prefix", "--timestamps",
                              "--all-containers", "-f", "--tail", "0", "pod/web-1"])
        #expect(logs.isLongRunning)
        let watch = KubernetesFixture.endpoint.command(KubernetesCommands.watchDeployments(), isLongRunning: true)
        #expect(watch.arguments.suffix(4) == ["get", "deployments", "--watch", "-o", "json"].suffix(4))
        #expect(!watch.arguments.contains("--request-timeout"))
    }

    @Test func readsBySelectorAndHistory() {
        #expect(KubernetesCommands.getDeployments(named: "web") == ["get", "deployment", "web", "-o", "json"])
        #expect(KubernetesCommands.getReplicaSets(selector: "app=web") == ["get", "replicasets", "-o", "json", "-l", "app=web"])
        #expect(KubernetesCommands.getReplicaSets(selector: nil) == ["get", "replicasets", "-o", "json"])
        #expect(KubernetesCommands.getPods(selector: "app=web,tier=a") == ["get", "pods", "-o", "json", "-l", "app=web,tier=a"])
        #expect(KubernetesCommands.rolloutHistory(deployment: "web", revision: 6)
            == ["rollout", "history", "deployment/web", "-o", "json", "--revision=6"])
    }
}
