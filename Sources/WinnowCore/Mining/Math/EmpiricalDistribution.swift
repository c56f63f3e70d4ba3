/// A sorted sample of finite values with the robust statistics mining compares against: percentiles,
/// median, median absolute deviation (MAD) and mean absolute deviation around the median.
///
/// Percentiles interpolate linearly between order statistics (Hyndman–Fan type 7, the default of NumPy
/// and R): for `q` in [0, 1], position `h = (n − 1) q`.
public struct EmpiricalDistribution: Sendable, Hashable, Codable {
    /// The values, ascending; non-finite values were dropped.
    public private(set) var sortedValues: [Double]
    /// The median.
    public let median: Double
    /// The median of `|x − median|`.
    public let medianAbsoluteDeviation: Double
    /// The mean of `|x − median|` (the fallback spread when the MAD is 0).
    public let meanAbsoluteDeviation: Double

    /// The distribution of `values` (non-finite values are dropped).
    public init(_ values: some Sequence<Double>) {
        sortedValues = values.filter(\.isFinite).sorted()
        median = Self.quantile(sortedValues, 0.5) ?? 0
        let center = median
        let deviations = sortedValues.map { abs($0 - center) }.sorted()
        medianAbsoluteDeviation = Self.quantile(deviations, 0.5) ?? 0
        meanAbsoluteDeviation = deviations.isEmpty ? 0 : deviations.reduce(0, +) / Double(deviations.count)
    }

    /// How many values there are.
    public var count: Int { sortedValues.count }
    /// Whether there are no values.
    public var isEmpty: Bool { sortedValues.isEmpty }

    /// The `percent`-th percentile (0–100), or `nil` when empty.
    public func percentile(_ percent: Double) -> Double? {
        Self.quantile(sortedValues, percent / 100)
    }

    /// The Iglewicz–Hoaglin modified z-score of `value`: `0.6745 (x − median) / MAD`; when the MAD is 0,
    /// `(x − median) / (1.253314 · mean absolute deviation)`; when that is 0 too, 0 at the median and ±∞
    /// elsewhere. Outliers are usually taken as `|z| > 3.5`.
    public func modifiedZScore(_ value: Double) -> Double {
        let difference = value - median
        if medianAbsoluteDeviation > 0 { return 0.6745 * difference / medianAbsoluteDeviation }
        if meanAbsoluteDeviation > 0 { return difference / (1.253314 * meanAbsoluteDeviation) }
        if difference == 0 { return 0 }
        return difference > 0 ? .infinity : -.infinity
    }

    /// The type-7 quantile of ascending `sorted` at `q` in [0, 1] (clamped), or `nil` when empty.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1, q.isFinite else { return first }
        let position = min(1, max(0, q)) * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
