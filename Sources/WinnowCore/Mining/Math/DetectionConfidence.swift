/// The confidence measures of one detection answer over the boxes at or above a score floor, computed in
/// one pass without allocating: Sedna's IBT share and mean score, and HiLens' CSF band.
///
/// Boxes below the floor are treated as background noise (detectors often return a long tail of
/// near-zero boxes). Set the floor to 0 for Sedna's exact behaviour over all boxes.
public struct DetectionConfidence: Sendable, Hashable {
    /// Boxes at or above the floor.
    public var boxCount: Int
    /// All boxes in the answer.
    public var totalBoxCount: Int
    /// The highest box score, above the floor or not (0 without boxes).
    public var maximumScore: Double
    /// Mean score of the boxes at or above the floor (0 without such boxes): Sedna's Threshold filter.
    public var meanScore: Double
    /// Share of the boxes at or above the floor whose score is ≤ the IBT box threshold: Sedna's IBT ratio.
    public var lowScoreShare: Double
    /// Boxes at or above the floor whose score lies in the uncertain band (HiLens CSF).
    public var uncertainBoxCount: Int
    /// For the box nearest the band's centre, `1 − |score − centre| / (half-width of the band)` clipped to
    /// [0, 1]: 1 for a box at the centre, 0 for boxes outside the band.
    public var bandCloseness: Double

    /// Measures `objects`.
    /// - Parameters:
    ///   - objects: the detected objects.
    ///   - scoreFloor: boxes below it are ignored.
    ///   - lowScoreThreshold: IBT's box threshold (a box with score ≤ it is a low-score box).
    ///   - uncertainBand: CSF's `[low, up]` band.
    public init(objects: [DetectedObject], scoreFloor: Double, lowScoreThreshold: Double, uncertainBand: ClosedRange<Double>) {
        var count = 0
        var sum = 0.0
        var low = 0
        var uncertain = 0
        var maximum = 0.0
        var closeness = 0.0
        let centre = (uncertainBand.lowerBound + uncertainBand.upperBound) / 2
        let halfWidth = (uncertainBand.upperBound - uncertainBand.lowerBound) / 2
        for object in objects {
            let score = object.score.isFinite ? object.score : 0
            maximum = max(maximum, score)
            guard score >= scoreFloor else { continue }
            count += 1
            sum += score
            if score <= lowScoreThreshold { low += 1 }
            if uncertainBand.contains(score) {
                uncertain += 1
                let nearness = halfWidth > 0 ? 1 - abs(score - centre) / halfWidth : 1
                closeness = max(closeness, min(1, max(0, nearness)))
            }
        }
        boxCount = count
        totalBoxCount = objects.count
        maximumScore = maximum
        meanScore = count > 0 ? sum / Double(count) : 0
        lowScoreShare = count > 0 ? Double(low) / Double(count) : 0
        uncertainBoxCount = uncertain
        bandCloseness = closeness
    }

    /// A measured answer from stored values (the phase-1 record).
    public init(
        boxCount: Int, totalBoxCount: Int, maximumScore: Double, meanScore: Double, lowScoreShare: Double,
        uncertainBoxCount: Int, bandCloseness: Double
    ) {
        self.boxCount = boxCount
        self.totalBoxCount = totalBoxCount
        self.maximumScore = maximumScore
        self.meanScore = meanScore
        self.lowScoreShare = lowScoreShare
        self.uncertainBoxCount = uncertainBoxCount
        self.bandCloseness = bandCloseness
    }
}
