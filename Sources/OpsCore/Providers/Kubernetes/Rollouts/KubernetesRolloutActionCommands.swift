/// The commands that change an Argo Rollout, each in two forms: the `kubectl argo rollouts` plugin
/// when it is installed, else plain `kubectl patch` sending what the plugin itself sends (its
/// promote and abort are merge patches of the `status` subresource; its undo a JSON patch of
/// `/spec/template`). Custom resources take no strategic merge patch, so an image is set with a
/// JSON patch whose `test` first checks the container at that index is still the one named.
public struct KubernetesRolloutActionCommands: Hashable, Sendable {
    public let endpoint: KubernetesEndpoint
    public let rollout: String
    /// Whether `kubectl-argo-rollouts` is on PATH.
    public let usesPlugin: Bool

    public init(endpoint: KubernetesEndpoint, rollout: String, usesPlugin: Bool) {
        self.endpoint = endpoint
        self.rollout = rollout
        self.usesPlugin = usesPlugin
    }

    var resource: String { "rollout.argoproj.io/\(rollout)" }

    /// `kubectl argo rollouts SUBCOMMAND … --context C --namespace N`: kubectl refuses flags placed
    /// before a plugin's name ("flags cannot be placed before plugin name"), so they go after.
    func plugin(_ arguments: [String]) -> Command {
        var flags = endpoint.kubeconfig.map { ["--kubeconfig", $0] } ?? []
        flags += endpoint.cacheDirectory.map { ["--cache-dir", $0] } ?? []
        flags += ["--context", endpoint.context, "--namespace", endpoint.namespace]
        return Command("kubectl", ["argo", "rollouts"] + arguments + flags, timeout: endpoint.deadline)
    }

    func patch(_ type: String, _ body: String, status: Bool = false) -> Command {
        endpoint.command(["patch", resource] + (status ? ["--subresource=status"] : []) + ["--type", type, "-p", body])
    }

    /// Sets the image of the container at `index` (named `container`) of the pod template.
    public func setImage(container: String, index: Int, image: String) -> Command {
        if usesPlugin { return plugin(["set", "image", rollout, "\(container)=\(image)"]) }
        let path = "/spec/template/spec/containers/\(index)"
        let body: JSONValue = .array([
            .object([JSONMember("op", .string("test")), JSONMember("path", .string(path + "/name")),
                     JSONMember("value", .string(container))]),
            .object([JSONMember("op", .string("replace")), JSONMember("path", .string(path + "/image")),
                     JSONMember("value", .string(image))]),
        ])
        return patch("json", JSONWriter.serialize(body))
    }

    /// Ends the pause a canary waits in: the pause conditions cleared (status) and, when it was
    /// paused by hand, `spec.paused` unset.
    public func promoteStep(pausedByHand: Bool) -> [Command] {
        if usesPlugin { return [plugin(["promote", rollout])] }
        var commands = [patch("merge", #"{"status":{"pauseConditions":null}}"#, status: true)]
        if pausedByHand { commands.append(patch("merge", #"{"spec":{"paused":false}}"#)) }
        return commands
    }

    /// Scales the canary back to the stable version; `spec.template` keeps the new one.
    public func abort() -> Command {
        if usesPlugin { return plugin(["abort", rollout]) }
        return patch("merge", #"{"status":{"abort":true}}"#, status: true)
    }

    /// Back to revision `revision`, whose ReplicaSet holds `template` (hash label removed).
    public func undo(toRevision revision: Int, template: JSONValue) -> Command {
        if usesPlugin { return plugin(["undo", rollout, "--to-revision=\(revision)"]) }
        let body: JSONValue = .array([.object([JSONMember("op", .string("replace")), JSONMember("path", .string("/spec/template")),
                                               JSONMember("value", template)])])
        return patch("json", JSONWriter.serialize(body))
    }

    /// `kubectl wait rollout.argoproj.io/NAME --for=jsonpath={FIELD}=VALUE --timeout=…`: without
    /// `--request-timeout` (kubectl would cut its own watch at it) and with a deadline past kubectl's
    /// own, so kubectl says "timed out" (exit 1) before opsdeck kills it.
    public func wait(field: String, equals value: String, timeout: Duration) -> Command {
        var command = endpoint.command(["wait", resource, "--for=jsonpath={\(field)}=\(value)",
                                        "--timeout=\(KubernetesCommands.flagValue(timeout))"], isLongRunning: true)
        command.isLongRunning = false
        command.timeout = timeout + .seconds(15)
        return command
    }
}
