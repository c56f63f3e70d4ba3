/// Reason 2: the sample's nearest reference neighbours vote for another class than the prediction.
///
/// The `neighbourCount` nearest reference embeddings (training images with their labels; or, without
/// training embeddings, the batch's other samples with their predictions) vote; the rule fires when the
/// winning label is not the predicted one and holds at least `minimumAgreement` of the votes. Score: the
/// share of neighbours that do not vote for the predicted label.
public struct ClusterDisagreementConfiguration: Sendable, Hashable, Codable {
    /// Neighbours that vote. Default 10 (cleanlab Datalab, Encord Active).
    public var neighbourCount: Int
    /// The least share of votes for the winning other label. Default 0.6 (Encord's certainty ratio).
    public var minimumAgreement: Double

    /// A configuration with the given values.
    public init(neighbourCount: Int = 10, minimumAgreement: Double = 0.6) {
        self.neighbourCount = neighbourCount
        self.minimumAgreement = minimumAgreement
    }

    /// Decodes a configuration; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        neighbourCount = try container.value(.neighbourCount, default: defaults.neighbourCount)
        minimumAgreement = try container.value(.minimumAgreement, default: defaults.minimumAgreement)
    }
}

/// Reason 4: consecutive similar images whose predictions differ.
///
/// Samples are ordered by capture time when every one has it, else by the natural order of their
/// sources. Each sample is compared with up to `window` neighbours on each side; a neighbour is similar
/// when the embeddings are within the similarity radius (and, with times, within `maximumTimeGap`). The
/// rule fires when a similar neighbour predicts differently (another label; for detection, a lost, new or
/// relabelled box). Score: the share of similar neighbours that disagree.
public struct TemporalConsistencyConfiguration: Sendable, Hashable, Codable {
    /// Neighbours compared on each side. Default 1.
    public var window: Int
    /// The similarity radius as a multiple of the reference's median nearest-neighbour distance (what
    /// "close" means for this embedding). Default 1: at least as close as a typical nearest neighbour.
    public var similarityFactor: Double
    /// An absolute radius that replaces the relative one when set. Default `nil`.
    public var maximumDistance: Double?
    /// With capture times, the most seconds between similar neighbours. Default `nil` (no limit).
    public var maximumTimeGap: Double?

    /// A configuration with the given values.
    public init(window: Int = 1, similarityFactor: Double = 1, maximumDistance: Double? = nil, maximumTimeGap: Double? = nil) {
        self.window = window
        self.similarityFactor = similarityFactor
        self.maximumDistance = maximumDistance
        self.maximumTimeGap = maximumTimeGap
    }

    /// Decodes a configuration; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        window = try container.value(.window, default: defaults.window)
        similarityFactor = try container.value(.similarityFactor, default: defaults.similarityFactor)
        maximumDistance = try container.value(.maximumDistance, default: nil as Double?)
        maximumTimeGap = try container.value(.maximumTimeGap, default: nil as Double?)
    }
}

/// Reasons 19–29: the prediction on an augmented copy disagrees with the original.
///
/// Classification fires when the augmented top label differs, or the original label's probability drops
/// by more than `probabilityDrop` (when the label is not listed in a top-k answer, its probability is
/// taken as at most the last listed score). Score: the drop, and at least 0.5 when the label changed.
/// Detection matches boxes by IoU (``DetectionSettings``) and fires when at least
/// `minimumInconsistentBoxes` boxes are lost, new or relabelled. Score: the inconsistent share of boxes.
public struct AugmentationConsistencyConfiguration: Sendable, Hashable, Codable {
    /// The largest tolerated drop of the original label's probability. Default 0.3.
    public var probabilityDrop: Double
    /// The fewest lost + new + relabelled boxes that fire. Default 1.
    public var minimumInconsistentBoxes: Int

    /// A configuration with the given values.
    public init(probabilityDrop: Double = 0.3, minimumInconsistentBoxes: Int = 1) {
        self.probabilityDrop = probabilityDrop
        self.minimumInconsistentBoxes = minimumInconsistentBoxes
    }

    /// Decodes a configuration; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        probabilityDrop = try container.value(.probabilityDrop, default: defaults.probabilityDrop)
        minimumInconsistentBoxes = try container.value(.minimumInconsistentBoxes, default: defaults.minimumInconsistentBoxes)
    }
}

/// Reason 30: the sample is an outlier in embedding space.
///
/// The measured value is the mean distance to the `neighbourCount` nearest reference embeddings; the
/// reference's own distribution of that value is computed leave-one-out. The rule fires when the value is
/// far above it (``RobustRange``, upper side, default above p99 with modified z ≥ 3.5).
public struct OutlierConfiguration: Sendable, Hashable, Codable {
    /// Neighbours averaged. Default 5.
    public var neighbourCount: Int
    /// What "far above" means. Default: above p99 and modified z ≥ 3.5.
    public var range: RobustRange

    /// A configuration with the given values.
    public init(neighbourCount: Int = 5, range: RobustRange = RobustRange(upperPercentile: 99, side: .upper)) {
        self.neighbourCount = neighbourCount
        self.range = range
    }

    /// Decodes a configuration; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        neighbourCount = try container.value(.neighbourCount, default: defaults.neighbourCount)
        range = try container.value(.range, default: defaults.range)
    }
}

/// How embeddings are compared and how many reference embeddings are kept.
public struct EmbeddingConfiguration: Sendable, Hashable, Codable {
    /// Whether vectors are scaled to unit length first, so Euclidean distance ranks like cosine distance
    /// and radii are comparable across models. Default on.
    public var normalize: Bool
    /// The most reference embeddings kept (a seeded uniform sample); searches cost this × dimension per
    /// sample. Class centroids use every embedding. Default 4096.
    public var maximumReferenceEmbeddings: Int

    /// A configuration with the given values.
    public init(normalize: Bool = true, maximumReferenceEmbeddings: Int = 4096) {
        self.normalize = normalize
        self.maximumReferenceEmbeddings = maximumReferenceEmbeddings
    }

    /// Decodes a configuration; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        normalize = try container.value(.normalize, default: defaults.normalize)
        maximumReferenceEmbeddings = try container.value(.maximumReferenceEmbeddings, default: defaults.maximumReferenceEmbeddings)
    }
}

/// How reference statistics are gathered and when they are trusted.
public struct ReferenceConfiguration: Sendable, Hashable, Codable {
    /// The most values kept per feature (a seeded uniform sample), bounding memory. Default 100,000.
    public var maximumValuesPerFeature: Int
    /// The fewest values a distribution needs before drift is judged against it. Default 20.
    public var minimumCount: Int
    /// The fewest reference samples of a class before its own statistics are used (per-class thresholds,
    /// reason 3). Default 10.
    public var minimumClassCount: Int

    /// A configuration with the given values.
    public init(maximumValuesPerFeature: Int = 100_000, minimumCount: Int = 20, minimumClassCount: Int = 10) {
        self.maximumValuesPerFeature = maximumValuesPerFeature
        self.minimumCount = minimumCount
        self.minimumClassCount = minimumClassCount
    }

    /// Decodes a configuration; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        maximumValuesPerFeature = try container.value(.maximumValuesPerFeature, default: defaults.maximumValuesPerFeature)
        minimumCount = try container.value(.minimumCount, default: defaults.minimumCount)
        minimumClassCount = try container.value(.minimumClassCount, default: defaults.minimumClassCount)
    }
}
