import Foundation

/// The moments of a sparkline, `start` and one every `step` after it, and how a range query's
/// points fall on them: each point on the nearest moment, moments without a finite value nil.
struct SparklineGrid {
    var start: Date
    /// Seconds.
    var step: TimeInterval
    var count: Int

    func values(of series: [PrometheusSeries], thresholds: MetricThresholds) -> [Double?] {
        var slots = [[MetricValue]](repeating: [], count: count)
        for one in series {
            for point in one.points {
                guard let index = slot(of: point.at) else { continue }
                slots[index].append(point.value)
            }
        }
        // The worst value of each moment, as an instant reading takes it; NaN and the infinities have
        // no height to draw.
        return slots.map { values in
            thresholds.worst(of: values.filter { $0.finiteValue != nil })?.finiteValue
        }
    }

    /// The index of the moment nearest `time`, nil outside the grid.
    func slot(of time: Date) -> Int? {
        guard step > 0 else { return nil }
        let offset = (time.timeIntervalSince(start) / step).rounded()
        guard offset.isFinite, offset >= 0, offset < Double(count) else { return nil }
        return Int(offset)
    }
}
