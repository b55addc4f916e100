import Foundation

/// Certificate dates in words: days as `2026-12-29`, in UTC, as certificates state them.
enum CertificateDates {
    static func day(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e14 else { return "?" }
        let days = Int64((seconds / 86_400).rounded(.down))
        let civil = CivilTime.civil(fromDays: days)
        return String(format: "%04d-%02d-%02d", civil.year, civil.month, civil.day)
    }
}
