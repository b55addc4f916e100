/// `docker compose logs` (and docker-compose v1): `web-1  | ` — the service's container name,
/// padding to the widest name, a pipe and a space. With `-t` the timestamp follows the pipe.
/// Reference regex: `^([\w.-]+)\s+\| `.
enum ComposePrefix {
    static func strip(_ line: UnsafeBufferPointer<UInt8>, at i: Int, into prefix: inout LinePrefix) -> Int? {
        let nameEnd = LineBytes.skip(line, from: i, while: isNameByte)
        // `WARN  | disk low` is a logger's layout, not a compose service called WARN.
        guard nameEnd > i, LineBytes.byte(line, nameEnd).map(LineBytes.isBlank) == true,
              !TextLevelWords.isLevel(line, i..<nameEnd, anyCase: false) else { return nil }
        let pipe = LineBytes.skipBlanks(line, from: nameEnd)
        guard LineBytes.isByte(line, pipe, LineBytes.pipe) else { return nil }
        let end: Int
        if pipe + 1 == line.count {
            end = pipe + 1
        } else if LineBytes.isByte(line, pipe + 1, LineBytes.space) {
            end = pipe + 2
        } else {
            return nil
        }
        let name = LineBytes.string(line, i..<nameEnd)
        prefix.note("service", name)
        prefix.source = name
        return end
    }

    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool {
        LineBytes.isWord(b) || b == LineBytes.dot || b == LineBytes.dash
    }
}
