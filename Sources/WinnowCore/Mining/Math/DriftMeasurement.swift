/// One value measured against a reference distribution with a ``RobustRange``: the band, the modified
/// z-score, whether it is far outside, and a score that rises with how far.
///
/// Everything is computed on the feature's ``FeatureScale``; the bounds are reported in the feature's own
/// units. The score is `e / (1 + e)`, where `e` is the distance beyond the band in band widths (0 inside
/// the band, ½ one band width outside, → 1 far away). A band of zero width uses the robust standard
/// deviation instead (MAD / 0.6745, or 1.2533 × the mean absolute deviation); if that is 0 too (a
/// constant reference), the width of a ``RobustRange/minimumRelativeDeviation`` step from the median, and
/// only without that any value outside scores 1.
public struct DriftMeasurement: Sendable, Hashable {
    /// The measured value, in the feature's units.
    public var value: Double
    /// The band's lower bound, in the feature's units.
    public var lower: Double
    /// The band's upper bound, in the feature's units.
    public var upper: Double
    /// The reference median, in the feature's units.
    public var median: Double
    /// The modified z-score on the comparison scale.
    public var modifiedZ: Double
    /// How far beyond the band, in band widths (0 inside).
    public var excess: Double
    /// `excess / (1 + excess)`, in [0, 1).
    public var score: Double
    /// How far beyond the band's nearest bound, as a fraction of the reference median's magnitude, in the
    /// feature's units (0 inside; infinite when the median is 0).
    public var relativeDeviation: Double
    /// Whether the value is outside the band on a counted side with |z| ≥ the minimum and a relative
    /// deviation ≥ the minimum.
    public var isFar: Bool

    /// Measures `value` against `distribution` (whose values are already on `scale`), or `nil` when the
    /// value is not finite or the distribution is empty.
    public init?(_ value: Double, against distribution: EmpiricalDistribution, scale: FeatureScale, range: RobustRange) {
        guard value.isFinite,
              let lowerT = distribution.percentile(range.lowerPercentile),
              let upperT = distribution.percentile(range.upperPercentile)
        else { return nil }
        let transformed = scale.transform(value)
        var width = upperT - lowerT
        if width <= 0 {
            if distribution.medianAbsoluteDeviation > 0 {
                width = distribution.medianAbsoluteDeviation / 0.6745
            } else {
                width = 1.253314 * distribution.meanAbsoluteDeviation
            }
        }
        if width <= 0 {
            // A constant reference: a step of the least relative deviation from the median is one width.
            let median = scale.inverse(distribution.median)
            let step = abs(median) * range.minimumRelativeDeviation
            let stepped = abs(scale.transform(median + step) - distribution.median)
            if stepped.isFinite, stepped > 0 { width = stepped }
        }
        let countsHigh = range.side != .lower
        let countsLow = range.side != .upper
        var beyond = 0.0
        if countsHigh, transformed > upperT { beyond = transformed - upperT }
        if countsLow, transformed < lowerT { beyond = lowerT - transformed }
        let excess: Double = beyond > 0 ? (width > 0 ? beyond / width : .infinity) : 0
        let medianValue = scale.inverse(distribution.median)
        var relative = 0.0
        if beyond > 0 {
            let bound = scale.inverse(transformed > upperT ? upperT : lowerT)
            relative = medianValue == 0 ? .infinity : abs(value - bound) / abs(medianValue)
        }
        let z = distribution.modifiedZScore(transformed)
        let zFar = (countsHigh && z >= range.minimumModifiedZ) || (countsLow && z <= -range.minimumModifiedZ)
        self.value = value
        lower = scale.inverse(lowerT)
        upper = scale.inverse(upperT)
        median = medianValue
        modifiedZ = z
        self.excess = excess
        relativeDeviation = relative
        score = excess.isInfinite ? 1 : excess / (1 + excess)
        isFar = excess > 0 && zFar && relative >= range.minimumRelativeDeviation
    }
}
