import Foundation
import Glibc

/// The facts a reader needs to compare figures across machines, printed before any figure.
struct MachineFacts: Sendable {
    var cpuModel: String
    var cores: Int
    var memoryBytes: Int
    var kernel: String
    var date: String

    static func collect() -> MachineFacts {
        MachineFacts(cpuModel: cpuModel(), cores: sysconf(Int32(_SC_NPROCESSORS_ONLN)), memoryBytes: memoryBytes(),
                     kernel: kernel(), date: ISO8601DateFormatter().string(from: Date()))
    }

    var summary: String {
        "\(cpuModel), \(cores) cores, \(Format.fixed(Double(memoryBytes) / 1_073_741_824, 1)) GiB memory, \(kernel)"
    }

    /// The 1-minute load average (/proc/loadavg): how busy the machine was around a measurement.
    static func loadAverage() -> Double? {
        (FileContents.read("/proc/loadavg") ?? "").split(separator: " ").first.flatMap { Double($0) }
    }

    /// `model name : …` of the first processor in /proc/cpuinfo.
    private static func cpuModel() -> String {
        let cpuinfo = FileContents.read("/proc/cpuinfo") ?? ""
        for line in cpuinfo.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") { return String(line[line.index(after: colon)...]).trimmingBlanks() }
        }
        return "unknown CPU"
    }

    /// `MemTotal:  24684332 kB` from /proc/meminfo.
    private static func memoryBytes() -> Int {
        let meminfo = FileContents.read("/proc/meminfo") ?? ""
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let number = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first
            return (number.flatMap { Int($0) } ?? 0) * 1024
        }
        return 0
    }

    private static func kernel() -> String {
        var names = utsname()
        guard uname(&names) == 0 else { return "unknown kernel" }
        func text<T>(_ field: inout T) -> String {
            withUnsafeBytes(of: &field) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
        }
        return "\(text(&names.sysname)) \(text(&names.release)) \(text(&names.machine))"
    }
}
