/// When a value is "far outside" a reference distribution: outside its `[lowerPercentile,
/// upperPercentile]` band **and** with a modified z-score of at least ``minimumModifiedZ`` in magnitude.
///
/// The percentile band alone would flag a fixed share of any reference (2 % for p1–p99 when the batch is
/// its own reference); the modified z-score (Iglewicz–Hoaglin, outliers at |z| > 3.5) alone is fooled by
/// skewed features. Requiring both flags only values that are rare *and* far. A reference without spread
/// (every training image 640×480) makes both tests infinitely strict, so a value must also lie at least
/// ``minimumRelativeDeviation`` of the reference median beyond the band: an aspect ratio of 0.749
/// against a constant 0.75 is not drift, 1.33 is.
public struct RobustRange: Sendable, Hashable, Codable {
    /// Which side of the distribution counts.
    public enum Side: String, Sendable, Hashable, Codable {
        /// Too low or too high.
        case both
        /// Too high only (distances).
        case upper
        /// Too low only.
        case lower
    }

    /// The lower percentile of the band, 0–100. Default 1.
    public var lowerPercentile: Double
    /// The upper percentile of the band, 0–100. Default 99.
    public var upperPercentile: Double
    /// The least |modified z-score| that counts as far. Default 3.5 (Iglewicz–Hoaglin).
    public var minimumModifiedZ: Double
    /// Which side counts. Default ``Side/both``.
    public var side: Side
    /// The least distance beyond the band, as a fraction of the reference median's magnitude (in the
    /// feature's own units), that counts as far. Default 0.05. With a median of 0 any distance counts.
    public var minimumRelativeDeviation: Double

    /// A range with the given cut-offs.
    public init(
        lowerPercentile: Double = 1, upperPercentile: Double = 99, minimumModifiedZ: Double = 3.5, side: Side = .both,
        minimumRelativeDeviation: Double = 0.05
    ) {
        self.lowerPercentile = lowerPercentile
        self.upperPercentile = upperPercentile
        self.minimumModifiedZ = minimumModifiedZ
        self.side = side
        self.minimumRelativeDeviation = minimumRelativeDeviation
    }

    /// The band as text, `p1–p99`, or `p95` for one side.
    public var bandName: String {
        switch side {
        case .both: "p\(MiningText.number(lowerPercentile))–p\(MiningText.number(upperPercentile))"
        case .upper: "p\(MiningText.number(upperPercentile))"
        case .lower: "p\(MiningText.number(lowerPercentile))"
        }
    }

    /// Checks the cut-offs.
    public func validate(_ field: String) throws(ValidationError) {
        guard (0...100).contains(lowerPercentile), (0...100).contains(upperPercentile), lowerPercentile <= upperPercentile else {
            throw ValidationError(field: field, message: "percentiles must satisfy 0 ≤ lower ≤ upper ≤ 100, got \(lowerPercentile) and \(upperPercentile)")
        }
        guard minimumModifiedZ >= 0, minimumModifiedZ.isFinite else {
            throw ValidationError(field: field, message: "minimumModifiedZ must be a finite number ≥ 0, got \(minimumModifiedZ)")
        }
        guard minimumRelativeDeviation >= 0, minimumRelativeDeviation.isFinite else {
            throw ValidationError(
                field: field, message: "minimumRelativeDeviation must be a finite number ≥ 0, got \(minimumRelativeDeviation)")
        }
    }
}

extension RobustRange {
    /// Decodes a range; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        lowerPercentile = try container.value(.lowerPercentile, default: defaults.lowerPercentile)
        upperPercentile = try container.value(.upperPercentile, default: defaults.upperPercentile)
        minimumModifiedZ = try container.value(.minimumModifiedZ, default: defaults.minimumModifiedZ)
        side = try container.value(.side, default: defaults.side)
        minimumRelativeDeviation = try container.value(.minimumRelativeDeviation, default: defaults.minimumRelativeDeviation)
    }
}
