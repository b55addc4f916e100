import Foundation
import OpsCore
import Testing

/// `opsdeck deploy|rollback|promote|restart` on Kubernetes deployments, through the real kubectl
/// against fake API servers: what kubectl then reports (images, `rollout history` with opsdeck's
/// change-causes, pods), the exit statuses, and the journal; and the failures: a rollout that
/// never completes (the revision before is put back), a role that may not patch, a server that
/// takes a patch and never answers.
@Suite(.enabled(if: KubeTools.shouldRun, KubeTools.missing))
struct KubernetesActionsTests {
    static let seed = """
        {"neverReady": ["local/web:9.9.9"],
         "deployments": [{"name": "web", "namespace": "shop", "replicas": 2,
           "revisions": [{"image": "local/web:1.3.0", "changeCause": "deploy 1.3.0"},
                         {"image": "local/web:1.4.0", "changeCause": "deploy 1.4.0"}]}]}
        """
    static let stagingSeed = """
        {"deployments": [{"name": "web", "namespace": "shop", "replicas": 2,
           "revisions": [{"image": "local/web:1.5.0", "changeCause": "deploy 1.5.0"}]}]}
        """

    /// One test's clusters (context `prod`, and `stage` when seeded), their kubeconfig, opsdeck's
    /// state folder and an `opsdeck.yml` placing `web` on them.
    final class Clusters {
        let folder: ScratchFolder
        let servers: [FakeKubeAPIServer]
        let sandbox: KubeSandbox

        /// `options`: the production server's flags; a quick controller keeps rollouts short.
        init(seed: String = KubernetesActionsTests.seed, options: [String] = [], staging: String? = nil) throws {
            folder = try ScratchFolder()
            let quick = ["--rollout-step", "0.05"]
            var servers = [try FakeKubeAPIServer(seed: seed, options: quick + options, in: folder)]
            var contexts = [("prod", servers[0].url)]
            if let staging {
                servers.append(try FakeKubeAPIServer(seed: staging, options: quick, in: folder))
                contexts.append(("stage", servers[1].url))
            }
            self.servers = servers
            sandbox = try KubeSandbox(contexts: contexts, in: folder)
            try folder.write("opsdeck.yml", """
                environments:
                  staging: {}
                  production: {}
                services:
                  web:
                    staging:    { provider: kubernetes, context: stage, namespace: shop, deployment: web }
                    production: { provider: kubernetes, context: prod, namespace: shop, deployment: web }
                """)
        }

        /// `opsdeck ARGUMENTS --config opsdeck.yml` with the sandbox's kubeconfig and a home of its own.
        func opsdeck(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> ChildResult {
            try OpsdeckBinary.run(arguments + ["--config", folder.path + "/opsdeck.yml"],
                                  environment: ["HOME": sandbox.home, "XDG_STATE_HOME": folder.path + "/state",
                                                "XDG_CONFIG_HOME": sandbox.home + "/.config", "KUBECONFIG": sandbox.kubeconfig],
                                  currentDirectory: folder.path, timeout: .seconds(60), sourceLocation: sourceLocation)
        }

        func kubectl(_ arguments: [String], context: String = "prod") throws -> String {
            try sandbox.kubectl(context, arguments)
        }

        /// The image of web's container as the deployment's spec has it.
        func image(context: String = "prod") throws -> String {
            try kubectl(["get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}"], context: context)
        }

        /// `rollout history`'s rows: `REVISION  CHANGE-CAUSE`, spaces squeezed.
        func history() throws -> [String] {
            try kubectl(["rollout", "history", "deployment/web"]).split(separator: "\n").dropFirst(2).map { line in
                line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            }
        }

        /// The digests web's pods run, from their `imageID`s.
        func podDigests(context: String = "prod") throws -> Set<String> {
            let ids = try kubectl(["get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].status.containerStatuses[*].imageID}"],
                                  context: context)
            return Set(ids.split(separator: " ").compactMap { $0.split(separator: "@").last.map(String.init) })
        }

        func journalActions() throws -> [JournalAction] {
            try JournalReader.history(path: folder.path + "/state/opsdeck/journal.jsonl").actions
        }
    }

    static func described(_ result: ChildResult) -> Comment { "exit \(result.exitCode.map(String.init) ?? "none")\n\(result.stdoutText)\n\(result.stderrText)" }

    @Test func aDeployRollsOutWithItsChangeCauseAndARollbackGoesBack() throws {
        let clusters = try Clusters()
        let deploy = try clusters.opsdeck(["deploy", "web", "--env", "production", "--version", "1.5.0", "--yes"])
        #expect(deploy.exitCode == 0, Self.described(deploy))
        #expect(deploy.stdoutText.contains("kubectl --context prod --namespace shop --request-timeout 5s set image deployment/web web=local/web:1.5.0"))
        #expect(try clusters.image() == "local/web:1.5.0")
        let user = ActionOperator.current().userAtHost
        #expect(try clusters.history() == ["1 deploy 1.3.0", "2 deploy 1.4.0", "3 deploy 1.5.0 by \(user) via opsdeck"])
        #expect(try clusters.kubectl(["rollout", "status", "deployment/web", "--timeout=1s"]).contains("successfully rolled out"))

        // Back to 1.3.0 by its version: revision 1's template as revision 4, with its own cause.
        let rollback = try clusters.opsdeck(["rollback", "web", "--env", "production", "--to", "1.3.0", "--yes"])
        #expect(rollback.exitCode == 0, Self.described(rollback))
        #expect(rollback.stdoutText.contains("rollout undo deployment/web --to-revision=1"))
        #expect(try clusters.image() == "local/web:1.3.0")
        #expect(try clusters.history() == ["2 deploy 1.4.0", "3 deploy 1.5.0 by \(user) via opsdeck",
                                           "4 rollback 1.3.0 (revision 1) by \(user) via opsdeck"])
        let actions = try clusters.journalActions()
        #expect(actions.map(\.kind) == [.deploy, .rollback] && actions.allSatisfy { $0.outcome == .ok })
        #expect(actions.first?.from.version == "1.4.0" && actions.first?.to.version == "1.5.0")
    }

    @Test func aPromotionCarriesTheStagingDigestToTheOtherCluster() throws {
        let clusters = try Clusters(staging: Self.stagingSeed)
        let stagingDigests = try clusters.podDigests(context: "stage")
        #expect(stagingDigests.count == 1)
        let digest = try #require(stagingDigests.first)
        let promote = try clusters.opsdeck(["promote", "web", "--from", "staging", "--to", "production", "--yes"])
        #expect(promote.exitCode == 0, Self.described(promote))
        #expect(try clusters.image() == "local/web:1.5.0@" + digest)
        #expect(try clusters.podDigests() == [digest])
        #expect(try clusters.image(context: "stage") == "local/web:1.5.0")
        #expect(try clusters.history().last?.hasPrefix("3 promote 1.5.0 from staging by ") == true)
        let action = try #require(try clusters.journalActions().last)
        #expect(action.kind == .promote && action.outcome == .ok && action.to.digest == digest)
    }

    @Test func aRestartMakesNewPodsOfTheSameImage() throws {
        let clusters = try Clusters()
        let podsBefore = try clusters.kubectl(["get", "pods", "-o", "jsonpath={.items[*].metadata.name}"])
        let dryRun = try clusters.opsdeck(["restart", "web", "--env", "production", "--dry-run"])
        #expect(dryRun.exitCode == 0 && dryRun.stdoutText.contains("restart web/production: 1.4.0 -> 1.4.0"), Self.described(dryRun))
        let restart = try clusters.opsdeck(["restart", "web", "--env", "production", "--yes"])
        #expect(restart.exitCode == 0, Self.described(restart))
        #expect(try clusters.image() == "local/web:1.4.0")
        #expect(try clusters.history().last?.hasPrefix("3 restart 1.4.0 by ") == true)
        let podsAfter = try clusters.kubectl(["get", "pods", "-o", "jsonpath={.items[*].metadata.name}"])
        #expect(Set(podsAfter.split(separator: " ")).isDisjoint(with: podsBefore.split(separator: " ")), "\(podsBefore) / \(podsAfter)")
        #expect(try clusters.journalActions().map(\.kind) == [.restart])
    }

    @Test func aRolloutThatNeverCompletesTimesOutAndTheRevisionBeforeIsPutBack() throws {
        let clusters = try Clusters()
        let deploy = try clusters.opsdeck(["deploy", "web", "--env", "production", "--version", "9.9.9", "--yes",
                                           "--ready-timeout", "2s"])
        #expect(deploy.exitCode == 5, Self.described(deploy))
        #expect(deploy.stdoutText.contains("timed out waiting for the condition"), Self.described(deploy))
        #expect(deploy.stdoutText.contains("What ran before runs again"), Self.described(deploy))
        #expect(try clusters.image() == "local/web:1.4.0")
        #expect(try clusters.kubectl(["rollout", "status", "deployment/web", "--timeout=1s"]).contains("successfully rolled out"))
        let actions = try clusters.journalActions()
        #expect(actions.map(\.kind) == [.deploy, .rollback])
        #expect(actions.first?.outcome == .failed && actions.last?.outcome == .ok)
    }

    /// kubectl exits 1 for a stuck rollout as for its own deadline; only the words differ, and
    /// only the deadline is a time-out (exit 5).
    @Test func aRolloutTheControllerGivesUpOnFailsWithoutTimingOut() throws {
        let clusters = try Clusters(seed: Self.seed.replacingOccurrences(of: "\"replicas\": 2,",
                                                                         with: "\"replicas\": 2, \"progressDeadlineSeconds\": 1,"))
        let started = ContinuousClock.now
        let deploy = try clusters.opsdeck(["deploy", "web", "--env", "production", "--version", "9.9.9", "--yes",
                                           "--ready-timeout", "60s"])
        #expect(deploy.exitCode == 1, Self.described(deploy))
        #expect(deploy.stdoutText.contains("error: deployment \"web\" exceeded its progress deadline"), Self.described(deploy))
        #expect(deploy.stdoutText.contains("What ran before runs again"), Self.described(deploy))
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(try clusters.image() == "local/web:1.4.0")
    }

    @Test func aRoleThatMayNotPatchIsToldAndNothingChanges() throws {
        let clusters = try Clusters(options: ["--forbid-patch", "deployments"])
        let deploy = try clusters.opsdeck(["deploy", "web", "--env", "production", "--version", "1.5.0", "--yes"])
        #expect(deploy.exitCode == 1, Self.described(deploy))
        #expect(deploy.stdoutText.contains("cannot patch resource \"deployments\" in API group \"apps\" in the namespace \"shop\""),
                Self.described(deploy))
        #expect(try clusters.image() == "local/web:1.4.0")
        #expect(try clusters.history() == ["1 deploy 1.3.0", "2 deploy 1.4.0"])
    }

    @Test func aPatchTheServerNeverAnswersEndsAtItsDeadline() throws {
        let clusters = try Clusters(options: ["--hang-patches"])
        let started = ContinuousClock.now
        let deploy = try clusters.opsdeck(["deploy", "web", "--env", "production", "--version", "1.5.0", "--yes"])
        #expect(deploy.exitCode == 1, Self.described(deploy))
        // kubectl's own request timeout (5 s) ends the patch, with its words (which depend on
        // where in the exchange the deadline falls).
        let said = deploy.stdoutText
        #expect(said.contains("! error: failed to patch image update to pod template: Patch")
                && (said.contains("Client.Timeout exceeded") || said.contains("context deadline exceeded")), Self.described(deploy))
        #expect(said.contains("What ran before runs again"), Self.described(deploy))
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(try clusters.image() == "local/web:1.4.0")
    }
}
