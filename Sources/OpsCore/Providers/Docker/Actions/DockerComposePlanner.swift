/// The plan that moves one compose service to another image without touching the project's files:
/// an override file under opsdeck's state folder sets the service's image, and compose recreates
/// that service alone from the project's own files plus the override:
///
/// 1. `docker-compose -p P --project-directory DIR -f FILE… -f OVERRIDE up -d --no-deps SERVICE`
///    (`docker compose …` for a project compose v2 made)
/// 2. `opsdeck docker-wait --compose-project P --compose-service SERVICE …`
///
/// Compose replaces the containers itself, so there is no old container to put back: a failure is
/// reported, and the way back is a rollback (the same plan with the previous image).
public enum DockerComposePlanner {
    /// What the containers' compose labels say of the project.
    public struct Project: Hashable, Sendable {
        public var name: String
        public var service: String
        public var workingDirectory: String
        /// As absolute paths, opsdeck's own overrides left out.
        public var configFiles: [String]
        /// `com.docker.compose.version`: `1.29.2` (docker-compose) or `2.29.1` (docker compose).
        public var composeVersion: String?

        public init(name: String, service: String, workingDirectory: String, configFiles: [String],
                    composeVersion: String? = nil) {
            self.name = name
            self.service = service
            self.workingDirectory = workingDirectory
            self.configFiles = configFiles
            self.composeVersion = composeVersion
        }

        public static let configFilesKey = "com.docker.compose.project.config_files"
        public static let versionKey = "com.docker.compose.version"

        /// From a container's labels; nil when they name no project and service, or no working folder
        /// (without it relative file names cannot be found). `ownFolder`: opsdeck's override folder,
        /// whose files a previous deploy added to the label and are not the project's.
        public init?(labels: [String: String], ownFolder: String) {
            guard let compose = DockerComposeLabels(labels), let directory = compose.workingDirectory, !directory.isEmpty else {
                return nil
            }
            let files = (labels[Self.configFilesKey] ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty }
            let base = Self.invocationFolder(workingDirectory: directory, firstFile: files.first)
            let absolute = files.map { $0.hasPrefix("/") ? $0 : StatePaths.joined(base, $0) }
            let prefix = ownFolder.hasSuffix("/") ? ownFolder : ownFolder + "/"
            self.init(name: compose.project, service: compose.service, workingDirectory: directory,
                      configFiles: absolute.filter { !$0.hasPrefix(prefix) }, composeVersion: labels[Self.versionKey])
        }

        /// The folder relative file names were given from. docker-compose 1.x records the `-f`
        /// names as typed (relative to where it ran) and the first file's folder as the working
        /// folder: `-f deploy/compose.yml` run in `/srv/shop` gives `deploy/compose.yml` and
        /// `/srv/shop/deploy`. So when the working folder ends with the first file's folder, the
        /// names are relative to what precedes it; otherwise (a `--project-directory`, v2's absolute
        /// names) to the working folder itself.
        static func invocationFolder(workingDirectory: String, firstFile: String?) -> String {
            guard var first = firstFile, !first.hasPrefix("/") else { return workingDirectory }
            while first.hasPrefix("./") { first.removeFirst(2) }
            let folder = StateFiles.parentFolder(of: first)
            guard folder != ".", !folder.isEmpty, workingDirectory.hasSuffix("/" + folder) else { return workingDirectory }
            let base = String(workingDirectory.dropLast(folder.count + 1))
            return base.isEmpty ? "/" : base
        }

        /// docker-compose 1.x wrote the labels; anything else is the v2 plugin.
        public var isComposeV1: Bool { composeVersion?.hasPrefix("1.") ?? false }
    }

    public struct Request: Hashable, Sendable {
        public var change: DockerImageChange
        public var project: Project
        /// The `version:` of the project's first file: compose v1 refuses to merge files whose
        /// versions differ, so the override repeats it. Nil when the file has none.
        public var fileFormatVersion: String?

        public init(_ change: DockerImageChange, project: Project, fileFormatVersion: String?) {
            self.change = change
            self.project = project
            self.fileFormatVersion = fileFormatVersion
        }
    }

    public static func plan(_ request: Request, settings: ActionSettings) throws(DockerDeploymentError) -> PreparedAction {
        let project = request.project
        guard !project.configFiles.isEmpty else {
            throw .notRecreatable("the containers of compose project \(project.name) do not say which files made them")
        }
        let contents = overrideContents(request)
        let override = StatePaths.joined(settings.composeOverridesFolder, overrideFileName(project, contents: contents))
        var arguments = ["-p", project.name, "--project-directory", project.workingDirectory]
        for file in project.configFiles + [override] { arguments += ["-f", file] }
        arguments += ["up", "-d", "--no-deps", project.service]
        let endpoint = request.change.endpoint
        let up: Command
        if project.isComposeV1 {
            // docker-compose reads DOCKER_HOST as docker does, and takes a context with --context.
            let context = endpoint.context.map { ["--context", $0] } ?? []
            up = Command("docker-compose", context + arguments, environment: endpoint.host.map { ["DOCKER_HOST": $0] } ?? [:],
                         timeout: settings.startTimeout)
        } else {
            up = endpoint.command(["compose"] + arguments, timeout: settings.startTimeout)
        }
        let wait = DockerReadinessWait(endpoint: endpoint, subject: .compose(project: project.name, service: project.service),
                                       imageReference: request.change.imageReference, imageID: request.change.imageID,
                                       timeout: settings.readyTimeout)
        let plan = request.change.plan([
            ActionPlan.Step("recreate \(project.service) of compose project \(project.name) with \(request.change.imageReference)", up),
            ActionPlan.Step("wait until it runs and is healthy", settings.waitCommand(wait)),
        ])
        let file = PreparedAction.PlannedFile(path: override, contents: contents)
        return PreparedAction(plan: plan, fromDigest: request.change.fromDigest, toDigest: request.change.toDigest, files: [file],
                                waitStepIndex: 1, waitTimedOutStatus: DockerWaitArguments.timedOutStatus)
    }

    /// `PROJECT@SERVICE-HASH.yml`, names escaped as lock files are, the hash of the contents: the file
    /// is written before the plan takes the service's lock, so a deploy refused by the lock must not
    /// rewrite the file another deploy is using, and the same contents always make the same file.
    static func overrideFileName(_ project: Project, contents: String) -> String {
        var hex = String(LockFileName.fnv1a64(Array(contents.utf8)), radix: 16)
        hex = String(repeating: "0", count: 16 - hex.count) + hex
        return LockFileName.escaped(project.name) + "@" + LockFileName.escaped(project.service) + "-" + hex + ".yml"
    }

    /// The override: the service's image and nothing else. Names and the reference are written as
    /// JSON strings, which YAML reads as they are whatever they hold.
    static func overrideContents(_ request: Request) -> String {
        var lines = ["# Written by opsdeck for a \(request.change.kind.rawValue) of \(request.change.key): the image of one service,",
                     "# layered over the compose project's own files, which opsdeck never edits."]
        if let version = request.fileFormatVersion { lines.append("version: \(jsonString(version))") }
        lines += ["services:", "  \(jsonString(request.project.service)):", "    image: \(jsonString(request.change.imageReference))"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func jsonString(_ text: String) -> String {
        var writer = JSONWriter()
        writer.write(.string(text))
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The top-level `version:` of a compose file's text, quotes removed; nil when it has none.
    public static func fileFormatVersion(ofComposeFile text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("version:") {
            var value = line.dropFirst("version:".count)
            if let hash = value.firstIndex(of: "#") { value = value[..<hash] }
            var trimmed = value.trimmingSpaces
            if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
                trimmed = String(trimmed.dropFirst().dropLast())
            }
            return trimmed.isEmpty ? nil : trimmed
        }
        return nil
    }
}
