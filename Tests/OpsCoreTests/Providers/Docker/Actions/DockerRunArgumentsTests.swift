import Testing
@testable import OpsCore

/// `DockerRunArguments`: a recreate passes on exactly what the operator set, each value one word.
@Suite struct DockerRunArgumentsTests {
    static let image = DockerImageConfig(
        id: "sha256:aaaa", environment: ["PATH=/bin", "APP_VERSION=1.4.0"], command: ["/app/serve"],
        labels: ["org.opencontainers.image.version": "1.4.0"],
        healthcheck: .init(test: ["CMD", "/app/health"], intervalNanoseconds: 1_000_000_000, retries: 2))

    /// A container as `docker inspect` prints it, with the image's defaults merged in by the daemon.
    static let inspect = #"""
    [{"Id":"1111111111111111111111111111111111111111111111111111111111111111","Name":"/shop-web",
      "Image":"sha256:aaaa",
      "Config":{"Image":"shop/web:1.4.0","User":"","WorkingDir":"","Tty":false,"OpenStdin":false,
        "Env":["PATH=/bin","APP_VERSION=1.4.0","GREETING=hello; $(rm -rf /) `id`","PORT=8080"],
        "Cmd":["/app/serve"],"Entrypoint":null,
        "Labels":{"org.opencontainers.image.version":"1.4.0","team":"shop & co","note":"a'b\"c"},
        "Healthcheck":{"Test":["CMD","/app/health"],"Interval":1000000000,"Retries":2}},
      "HostConfig":{"NetworkMode":"host","Binds":["/srv/shop data:/data:ro","cache:/cache"],
        "PortBindings":{"8080/tcp":[{"HostIp":"127.0.0.1","HostPort":"18080"}],"9090/udp":[{"HostIp":"","HostPort":""}]},
        "RestartPolicy":{"Name":"on-failure","MaximumRetryCount":3},
        "Mounts":[{"Type":"tmpfs","Target":"/scratch"}]},
      "Mounts":[{"Type":"bind","Source":"/srv/shop data","Destination":"/data","RW":false},
                {"Type":"volume","Name":"cache","Destination":"/cache","RW":true},
                {"Type":"volume","Name":"5e1f0c","Destination":"/var/lib/app","RW":true}]}]
    """#

    @Test func passesOnWhatTheOperatorSetAndLetsTheNewImageBringItsDefaults() throws {
        let container = try DockerContainerConfig.parse(inspectOutput: Array(Self.inspect.utf8))
        let argv = try DockerRunArguments.arguments(recreating: container, from: Self.image, name: "shop-web",
                                                    image: "shop/web:1.5.0")
        #expect(argv == [
            "run", "-d", "--name", "shop-web",
            "-e", "GREETING=hello; $(rm -rf /) `id`", "-e", "PORT=8080",
            "--label", "note=a'b\"c", "--label", "team=shop & co",
            "--network", "host",
            "-p", "127.0.0.1:18080:8080/tcp", "-p", "9090/udp",
            "-v", "/srv/shop data:/data:ro", "-v", "cache:/cache",
            "--mount", "type=tmpfs,target=/scratch", "--mount", "type=volume,source=5e1f0c,target=/var/lib/app",
            "--restart", "on-failure:3",
            "shop/web:1.5.0",
        ])
    }

    @Test func carriesACommandAndAShellHealthcheckTheOperatorChose() throws {
        var container = DockerContainerConfig(name: "worker", imageID: "sha256:aaaa", command: ["/app/serve", "worker"],
                                              entrypoint: nil)
        container.healthcheck = .init(test: ["CMD-SHELL", "wget -q -O- http://127.0.0.1:8080/health || exit 1"],
                                      intervalNanoseconds: 1_500_000_000, timeoutNanoseconds: 2_000_000_000, retries: 3)
        container.restartPolicy = "unless-stopped"
        let argv = try DockerRunArguments.arguments(recreating: container, from: Self.image, name: "worker", image: "shop/web:1.5.0")
        #expect(argv == ["run", "-d", "--name", "worker", "--restart", "unless-stopped",
                         "--health-cmd", "wget -q -O- http://127.0.0.1:8080/health || exit 1",
                         "--health-interval", "1500ms", "--health-timeout", "2s", "--health-retries", "3",
                         "shop/web:1.5.0", "/app/serve", "worker"])
    }

    @Test func aChangedEntrypointCarriesItsWordsAndTheCommand() throws {
        let container = DockerContainerConfig(name: "job", command: ["/app/serve"], entrypoint: ["/bin/sh", "-c"],
                                              healthcheck: Self.image.healthcheck)
        let argv = try DockerRunArguments.arguments(recreating: container, from: Self.image, name: "job", image: "shop/web:2")
        #expect(argv == ["run", "-d", "--name", "job", "--entrypoint", "/bin/sh", "shop/web:2", "-c", "/app/serve"])
    }

    @Test func refusesAnExecFormHealthcheckItCannotCarryOver() {
        let container = DockerContainerConfig(name: "odd", command: ["/app/serve"],
                                              healthcheck: .init(test: ["CMD", "/bin/check", "--deep"]))
        #expect(throws: DockerRunArguments.Problem.execFormHealthcheck(container: "odd")) {
            try DockerRunArguments.arguments(recreating: container, from: Self.image, name: "odd", image: "shop/web:2")
        }
    }

    @Test func turnsOffAHealthcheckTheOperatorTurnedOff() throws {
        let container = DockerContainerConfig(name: "quiet", command: ["/app/serve"], healthcheck: .init(test: ["NONE"]))
        let argv = try DockerRunArguments.arguments(recreating: container, from: Self.image, name: "quiet", image: "shop/web:2")
        #expect(argv == ["run", "-d", "--name", "quiet", "--no-healthcheck", "shop/web:2"])
    }

    @Test func writesPortsAndMountsAsDockerReadsThem() {
        #expect(DockerRunArguments.publish(.init(containerPort: "80/tcp", hostIP: "::1", hostPort: "8080")) == "[::1]:8080:80/tcp")
        #expect(DockerRunArguments.publish(.init(containerPort: "80/tcp", hostIP: "127.0.0.1")) == "127.0.0.1::80/tcp")
        #expect(DockerRunArguments.publish(.init(containerPort: "80/tcp", hostPort: "8080")) == "8080:80/tcp")
        #expect(DockerRunArguments.mountSpecification(.init(type: "bind", source: "/a,b", target: "/x", readOnly: true))
            == "type=bind,\"source=/a,b\",target=/x,readonly")
        #expect(DockerRunArguments.goDuration(30_000_000_000) == "30s")
        #expect(DockerRunArguments.goDuration(250_000) == "250us")
    }
}
