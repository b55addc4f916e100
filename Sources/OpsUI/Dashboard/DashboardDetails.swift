import OpsCore

/// The Details pane's lines for one service: what runs (image, digest, commit, when), what the
/// platform says (note, traffic split), then every replica with its state, health, restarts,
/// exit code and the platform's own words. All provider text sanitised.
enum DashboardDetails {
    static let labelWidth = 8
    /// Replica names are padded to the widest, up to this many columns.
    static let maxNameWidth = 32

    static func lines(for snapshot: ServiceSnapshot, now: LogTimestamp?, dot: String = "·") -> [StyledLine] {
        var lines: [StyledLine] = []
        lines.append(labelled("image", snapshot.image.map { DashboardText.clean($0.reference) } ?? "-"))
        if let digest = snapshot.image?.digest { lines.append(labelled("digest", DashboardText.clean(digest))) }
        let updated = snapshot.updatedAt.map { DashboardText.ago($0, now: now) ?? $0.rfc3339Milliseconds }
        // A hex commit is known by its first 12 digits, as git shows it; anything else stays whole.
        if let commit = snapshot.commit {
            let isHex = commit.count > 12 && commit.allSatisfy(\.isHexDigit)
            let facts = [DashboardText.clean(isHex ? String(commit.prefix(12)) : commit)] + (updated.map { ["updated " + $0] } ?? [])
            lines.append(labelled("commit", facts.joined(separator: " \(dot) ")))
        } else if let updated {
            // Platforms without a commit label (Kubernetes) still say when the service last changed.
            lines.append(labelled("updated", updated))
        }
        if let note = snapshot.note {
            lines.append(labelled("note", DashboardText.clean(note), role: .statusDegraded))
        }
        if !snapshot.revisions.isEmpty {
            let split = snapshot.revisions.map { "\(DashboardText.clean($0.name)) \($0.percent)%" }
            lines.append(labelled("traffic", split.joined(separator: " \(dot) ")))
        }
        let wanted = snapshot.desiredReplicas.map { " of \($0) wanted" } ?? ""
        lines.append(labelled("replicas", "\(snapshot.replicasUp) up\(wanted)"))
        let names = snapshot.replicas.map { DashboardText.clean($0.name) }
        let nameWidth = min(maxNameWidth, names.map { DisplayWidth.of($0) }.max() ?? 0)
        for (replica, name) in zip(snapshot.replicas, names) {
            lines.append(replicaLine(replica, name: name, nameWidth: nameWidth))
        }
        return lines
    }

    static func labelled(_ label: String, _ value: String, role: Role = .text) -> StyledLine {
        [StyledSpan(DisplayWidth.padded(label, to: labelWidth) + " ", .dim), StyledSpan(value, role)]
    }

    /// `  api-1  running  healthy    0 restarts  exit 137  Up 3 minutes (healthy)`
    static func replicaLine(_ replica: Replica, name: String, nameWidth: Int) -> StyledLine {
        // `padded` also cuts a longer name, with `…`.
        var line: StyledLine = [
            StyledSpan("  " + DisplayWidth.padded(name, to: nameWidth) + "  ", .text),
            StyledSpan(DisplayWidth.padded(replica.state.word, to: 8), StatusRoles.role(replica.state)),
            StyledSpan(" ", .text),
            StyledSpan(DisplayWidth.padded(replica.health.word, to: 9), StatusRoles.role(replica.health)),
            StyledSpan(" ", .text),
            StyledSpan("\(replica.restarts) restart\(replica.restarts == 1 ? "" : "s")",
                       replica.restarts > 0 ? .statusDegraded : .dim),
        ]
        if let code = replica.exitCode {
            line.append(StyledSpan("  ", .text))
            line.append(StyledSpan("exit \(code)", code == 0 ? .dim : .statusFailed))
        }
        if let detail = replica.detail, !detail.isEmpty {
            line.append(StyledSpan("  " + DashboardText.clean(detail), .dim))
        }
        return line
    }
}
