/// `kubectl logs --prefix` (and `--all-pods`, which implies it): `[pod/NAME/CONTAINER] ` or
/// `[node/NAME] `, written before the `--timestamps` value.
/// Reference regex: `^\[(pod|node)/([^\]/]+)(?:/([^\]]+))?\] `.
enum KubectlPrefix {
    static func strip(_ line: UnsafeBufferPointer<UInt8>, at i: Int, into prefix: inout LinePrefix) -> Int? {
        let isPod: Bool
        if LineBytes.hasLiteral(line, at: i, "[pod/") {
            isPod = true
        } else if LineBytes.hasLiteral(line, at: i, "[node/") {
            isPod = false
        } else {
            return nil
        }
        let nameStart = i + (isPod ? 5 : 6)
        // Kubernetes names never hold blanks, so a blank means this bracket is something else.
        let nameEnd = LineBytes.skip(line, from: nameStart) { b in
            b != LineBytes.closeBracket && b != LineBytes.slash && !LineBytes.isBlank(b)
        }
        guard nameEnd > nameStart, let stop = LineBytes.byte(line, nameEnd) else { return nil }
        var container: Range<Int>?
        var close = nameEnd
        if stop == LineBytes.slash {
            let containerEnd = LineBytes.skip(line, from: nameEnd + 1) { b in
                b != LineBytes.closeBracket && !LineBytes.isBlank(b)
            }
            guard containerEnd > nameEnd + 1 else { return nil }
            container = (nameEnd + 1)..<containerEnd
            close = containerEnd
        }
        guard LineBytes.isByte(line, close, LineBytes.closeBracket) else { return nil }
        let end: Int
        if close + 1 == line.count {
            end = close + 1
        } else if LineBytes.isByte(line, close + 1, LineBytes.space) {
            end = close + 2
        } else {
            return nil
        }

        let name = nameStart..<nameEnd
        if isPod {
            prefix.note("pod", name, in: line)
            if let container {
                prefix.note("container", container, in: line)
                prefix.source = LineBytes.string(line, nameStart..<container.upperBound)
            } else {
                prefix.source = LineBytes.string(line, name)
            }
        } else {
            prefix.note("node", name, in: line)
            prefix.source = LineBytes.string(line, nameStart..<(container?.upperBound ?? nameEnd))
        }
        return end
    }
}
