import Testing
@testable import OpsCore

@Suite struct CommandRedactionTests {
    let redaction = CommandRedaction.standard

    @Test func theValueAfterASecretFlagIsHidden() {
        #expect(redaction.argv(["docker", "login", "--password", "hunter2", "registry.example.com"])
            == ["docker", "login", "--password", "[REDACTED]", "registry.example.com"])
        #expect(redaction.argv(["fly", "deploy", "--access-token", "fo1_abc", "-a", "web"])
            == ["fly", "deploy", "--access-token", "[REDACTED]", "-a", "web"])
        #expect(redaction.argv(["cli", "--client-secret", "--starts-with-a-dash"])
            == ["cli", "--client-secret", "[REDACTED]"])
        #expect(redaction.argv(["gh", "--token"]) == ["gh", "--token"], "a flag with nothing after it hides nothing")
    }

    @Test func inlineFlagValuesAndSecretAssignmentsAreHidden() {
        #expect(redaction.argv(["docker", "login", "--password=hunter2"]) == ["docker", "login", "--password=[REDACTED]"])
        #expect(redaction.argv(["docker", "run", "-e", "DB_PASSWORD=x", "-e", "LOG_LEVEL=debug", "api"])
            == ["docker", "run", "-e", "DB_PASSWORD=[REDACTED]", "-e", "LOG_LEVEL=debug", "api"])
        #expect(redaction.argv(["docker", "build", "--build-arg", "NPM_TOKEN=abc123", "."])
            == ["docker", "build", "--build-arg", "NPM_TOKEN=[REDACTED]", "."])
    }

    @Test func urlCredentialsAreHidden() {
        #expect(redaction.argv(["git", "clone", "https://user:pw@git.example.com/repo.git"])
            == ["git", "clone", "https://user:[REDACTED]@git.example.com/repo.git"])
        #expect(redaction.argv(["docker", "-H", "ssh://deploy@staging.example.com", "ps"])
            == ["docker", "-H", "ssh://deploy@staging.example.com", "ps"], "a user without a password is no secret")
    }

    @Test func ordinaryArgumentsAreLeftAsTheyAre() {
        let argv = ["docker", "login", "--password-stdin", "--username", "ci", "-p", "8080:80", "--max-tokens", "5",
                    "registry.example.com/api:1.4.2"]
        #expect(redaction.argv(argv) == argv)
    }

    @Test func environmentValuesAreHiddenByTheirNames() {
        let environment = ["DOCKER_HOST": "ssh://deploy:pw@host", "KUBECONFIG": "/etc/kube", "AWS_SECRET_ACCESS_KEY": "abc",
                           "GITHUB_TOKEN": ""]
        #expect(redaction.environment(environment) == [
            "DOCKER_HOST": "ssh://deploy:[REDACTED]@host", "KUBECONFIG": "/etc/kube", "AWS_SECRET_ACCESS_KEY": "[REDACTED]",
            "GITHUB_TOKEN": "",
        ])
    }

    @Test func aCommandLineIsShownRedacted() {
        let command = Command("docker", ["login", "--password", "hunter2", "r.example.com"], environment: ["API_KEY": "k"])
        #expect(redaction.commandLine(command) == "API_KEY='[REDACTED]' docker login --password '[REDACTED]' r.example.com")
    }
}
