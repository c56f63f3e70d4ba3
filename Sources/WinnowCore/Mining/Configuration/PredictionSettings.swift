/// Settings for reading classification answers, shared by reasons 0, 1 and 19–29.
public struct ClassificationSettings: Sendable, Hashable, Codable {
    /// How many classes the model knows, for the entropy of top-k answers (see
    /// ``ClassificationConfidence``). Default `nil`: the engine should set it from the training label set
    /// or the model's class list; without it, the unlisted mass counts as one "other" class.
    public var classCount: Int?
    /// Labels that mean "nothing here" (e.g. `background`); a prediction of one is reason 0. Default none.
    public var backgroundLabels: [String]

    /// Settings with the given values.
    public init(classCount: Int? = nil, backgroundLabels: [String] = []) {
        self.classCount = classCount
        self.backgroundLabels = backgroundLabels
    }

    /// Decodes settings; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        classCount = try container.value(.classCount, default: nil as Int?)
        backgroundLabels = try container.value(.backgroundLabels, default: [])
    }
}

/// Settings for reading detection answers, shared by reasons 0, 1, 4, 11–18 and 19–29.
public struct DetectionSettings: Sendable, Hashable, Codable {
    /// Boxes scoring below it are background noise and ignored everywhere; an image with no box at or
    /// above it is reason 0. Default 0.3: detectors often return long tails of near-zero boxes, and the
    /// floor sits below IBT's 0.5 so that a weak detection is reason 1 (low confidence), not reason 0.
    public var scoreFloor: Double
    /// The least IoU for two boxes to be the same object when comparing answers (augmentations, frames).
    /// Default 0.5, the PASCAL VOC / FiftyOne / ObjectLab matching threshold.
    public var iouThreshold: Double
    /// An unmatched box counts as lost or new only if its score is at least this. Default 0.5: weaker
    /// boxes flicker across the floor between answers.
    public var minimumUnmatchedScore: Double

    /// Settings with the given values.
    public init(scoreFloor: Double = 0.3, iouThreshold: Double = 0.5, minimumUnmatchedScore: Double = 0.5) {
        self.scoreFloor = scoreFloor
        self.iouThreshold = iouThreshold
        self.minimumUnmatchedScore = minimumUnmatchedScore
    }

    /// Decodes settings; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        scoreFloor = try container.value(.scoreFloor, default: defaults.scoreFloor)
        iouThreshold = try container.value(.iouThreshold, default: defaults.iouThreshold)
        minimumUnmatchedScore = try container.value(.minimumUnmatchedScore, default: defaults.minimumUnmatchedScore)
    }
}

/// Reason 1 (low confidence) for classification and detection.
///
/// Classification fires when any enabled test fires: the margin `p(1) − p(2)` (the primary signal: it
/// measures closeness to the decision boundary and selected best per label in our measurement), the top
/// score `p(1)`, or Sedna's entropy confidence `1 − H / ln K`. Margins compare across classes, so the
/// margin threshold is absolute by default; top score and entropy depend on how confusable a class is,
/// so they are relative to the class's mean by default. Detection fires when any enabled Sedna/HiLens
/// test fires over the boxes at or above the score floor.
public struct LowConfidenceConfiguration: Sendable, Hashable, Codable {
    /// Margin test. Default: fires below 0.2, for every class.
    public var margin: AdaptiveThreshold
    /// Top-score (self-confidence) test. Default: fires below 0.8 × the class's mean self-confidence
    /// (0.5 for classes with too few reference samples).
    public var selfConfidence: AdaptiveThreshold
    /// Entropy test on `1 − H / ln K`. Default: fires below 0.8 × the class's mean (Sedna's 0.5 for
    /// classes with too few reference samples).
    public var entropyConfidence: AdaptiveThreshold
    /// Whether Sedna's IBT test runs (detection). Default on (Sedna's default filter).
    public var imageBoxThresholdEnabled: Bool
    /// IBT `threshold_box`: a box with score ≤ it is a low-score box. Default 0.5.
    public var lowScoreBoxThreshold: Double
    /// IBT `threshold_img`: fires when the low-score share is ≥ `1 − threshold_img`. Default 0.5.
    public var imageThreshold: Double
    /// Whether Sedna's Threshold test (mean box score) runs. Default on.
    public var meanScoreEnabled: Bool
    /// Sedna Threshold: fires when the mean box score is below it. Default 0.5.
    public var meanScoreThreshold: Double
    /// Whether HiLens' CSF test (any box in the uncertain band) runs. Default off: with many boxes per
    /// image nearly every image has one box in any band.
    public var uncertainBandEnabled: Bool
    /// CSF band lower bound. Default 0.4.
    public var uncertainBandLower: Double
    /// CSF band upper bound. Default 0.6.
    public var uncertainBandUpper: Double

    /// A configuration with the given values.
    public init(
        margin: AdaptiveThreshold = AdaptiveThreshold(fixed: 0.2),
        selfConfidence: AdaptiveThreshold = AdaptiveThreshold(fixed: 0.5, classFactor: 0.8),
        entropyConfidence: AdaptiveThreshold = AdaptiveThreshold(fixed: 0.5, classFactor: 0.8),
        imageBoxThresholdEnabled: Bool = true,
        lowScoreBoxThreshold: Double = 0.5,
        imageThreshold: Double = 0.5,
        meanScoreEnabled: Bool = true,
        meanScoreThreshold: Double = 0.5,
        uncertainBandEnabled: Bool = false,
        uncertainBandLower: Double = 0.4,
        uncertainBandUpper: Double = 0.6
    ) {
        self.margin = margin
        self.selfConfidence = selfConfidence
        self.entropyConfidence = entropyConfidence
        self.imageBoxThresholdEnabled = imageBoxThresholdEnabled
        self.lowScoreBoxThreshold = lowScoreBoxThreshold
        self.imageThreshold = imageThreshold
        self.meanScoreEnabled = meanScoreEnabled
        self.meanScoreThreshold = meanScoreThreshold
        self.uncertainBandEnabled = uncertainBandEnabled
        self.uncertainBandLower = uncertainBandLower
        self.uncertainBandUpper = uncertainBandUpper
    }

    /// The CSF band as a range (empty bands become a point).
    public var uncertainBand: ClosedRange<Double> {
        uncertainBandLower...max(uncertainBandLower, uncertainBandUpper)
    }

    /// Decodes a configuration; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        margin = try container.value(.margin, default: defaults.margin)
        selfConfidence = try container.value(.selfConfidence, default: defaults.selfConfidence)
        entropyConfidence = try container.value(.entropyConfidence, default: defaults.entropyConfidence)
        imageBoxThresholdEnabled = try container.value(.imageBoxThresholdEnabled, default: defaults.imageBoxThresholdEnabled)
        lowScoreBoxThreshold = try container.value(.lowScoreBoxThreshold, default: defaults.lowScoreBoxThreshold)
        imageThreshold = try container.value(.imageThreshold, default: defaults.imageThreshold)
        meanScoreEnabled = try container.value(.meanScoreEnabled, default: defaults.meanScoreEnabled)
        meanScoreThreshold = try container.value(.meanScoreThreshold, default: defaults.meanScoreThreshold)
        uncertainBandEnabled = try container.value(.uncertainBandEnabled, default: defaults.uncertainBandEnabled)
        uncertainBandLower = try container.value(.uncertainBandLower, default: defaults.uncertainBandLower)
        uncertainBandUpper = try container.value(.uncertainBandUpper, default: defaults.uncertainBandUpper)
    }
}
