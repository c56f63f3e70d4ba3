/// Counts of values in equal-width bins over `[lower, upper]`: a compact, deterministic picture of one
/// feature's distribution. Two histograms made with the same edges (``paired(_:_:bins:)``) can be drawn
/// over each other. Values that are not finite (NaN, ±∞) are counted in ``skipped``, not in a bin; a
/// value outside the range goes to the nearest end bin.
public struct FeatureHistogram: Sendable, Hashable, Codable {
    /// The left edge of the first bin.
    public var lower: Double
    /// The right edge of the last bin.
    public var upper: Double
    /// Values per bin, left to right.
    public var counts: [Int]
    /// Values left out because they were not finite.
    public var skipped: Int

    /// The default number of bins.
    public static let defaultBins = 24

    /// A histogram with the given parts.
    public init(lower: Double, upper: Double, counts: [Int], skipped: Int = 0) {
        self.lower = lower
        self.upper = upper
        self.counts = counts
        self.skipped = skipped
    }

    /// The histogram of `values` in `bins` equal bins over `range` (at least one bin; a range of zero
    /// width is widened by 0.5 on each side so the single value sits in the middle).
    public init(_ values: some Sequence<Double>, range: ClosedRange<Double>, bins: Int = FeatureHistogram.defaultBins) {
        let (lower, upper) = Self.widened(range.lowerBound, range.upperBound)
        let binCount = max(1, bins)
        var counts = Array(repeating: 0, count: binCount)
        var skipped = 0
        let width = upper - lower
        for value in values {
            guard value.isFinite else {
                skipped += 1
                continue
            }
            let position = (value - lower) / width * Double(binCount)
            let bin = position.isFinite ? min(binCount - 1, max(0, Int(position.rounded(.down)))) : 0
            counts[bin] += 1
        }
        self.init(lower: lower, upper: upper, counts: counts, skipped: skipped)
    }

    /// Histograms of `first` and `second` with the same edges, spanning the finite values of both; `nil`
    /// when neither has a finite value.
    public static func paired(_ first: [Double], _ second: [Double], bins: Int = FeatureHistogram.defaultBins) -> (FeatureHistogram, FeatureHistogram)? {
        guard let range = finiteRange(first + second) else { return nil }
        return (FeatureHistogram(first, range: range, bins: bins), FeatureHistogram(second, range: range, bins: bins))
    }

    /// The smallest and largest finite value of `values`, or `nil` when there is none.
    public static func finiteRange(_ values: some Sequence<Double>) -> ClosedRange<Double>? {
        var low = Double.infinity, high = -Double.infinity
        for value in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        return low <= high ? low...high : nil
    }

    private static func widened(_ lower: Double, _ upper: Double) -> (Double, Double) {
        guard lower.isFinite, upper.isFinite, upper > lower else {
            let centre = lower.isFinite ? lower : (upper.isFinite ? upper : 0)
            return (centre - 0.5, centre + 0.5)
        }
        return (lower, upper)
    }

    /// The values counted in bins.
    public var total: Int { counts.reduce(0, +) }

    /// The `counts.count + 1` bin edges, from ``lower`` to ``upper``.
    public var edges: [Double] {
        let width = (upper - lower) / Double(max(1, counts.count))
        return (0...counts.count).map { $0 == counts.count ? upper : lower + Double($0) * width }
    }

    /// Each bin's share of ``total`` (all 0 when empty), so histograms of different sizes compare.
    public var fractions: [Double] {
        let total = total
        return counts.map { total == 0 ? 0 : Double($0) / Double(total) }
    }
}
