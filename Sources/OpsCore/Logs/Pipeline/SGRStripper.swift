/// Removes SGR sequences (`ESC [ 0-9 ; : ... m`, the colour and style codes) from a line.
enum SGRStripper {
    /// Writes `line` without its SGR sequences into `out`. Returns false, leaving `out` as it
    /// was, when the line has none.
    static func strip(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var i = 0
        var copiedUpTo = 0
        var found = false
        while i < line.count {
            guard line[i] == 0x1B, i + 1 < line.count, line[i + 1] == UInt8(ascii: "[") else {
                i += 1
                continue
            }
            var j = i + 2
            while j < line.count, (line[j] >= UInt8(ascii: "0") && line[j] <= UInt8(ascii: "9"))
                || line[j] == UInt8(ascii: ";") || line[j] == UInt8(ascii: ":") { j += 1 }
            guard j < line.count, line[j] == UInt8(ascii: "m") else {
                i += 1
                continue
            }
            if !found {
                found = true
                out.removeAll(keepingCapacity: true)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: line[copiedUpTo..<i]))
            i = j + 1
            copiedUpTo = i
        }
        guard found else { return false }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: line[copiedUpTo...]))
        return true
    }
}
