/// The compact phase-1 record of one sample: every measurement the rules take without global statistics
/// (confidences, features, box measurements, augmentation comparisons) plus what phase 2 needs to
/// compare samples (label, embedding, boxes). One record per sample, flat in size; serialised as one JSON
/// line (``jsonLine()``) so shards can write partial files.
public struct SampleScores: Sendable, Hashable {
    /// The version of the JSON line format; readers reject other versions.
    public static let formatVersion = 1

    /// The task of the answer.
    public enum Task: String, Sendable, Hashable, Codable {
        /// Image classification.
        case classification
        /// Object detection.
        case detection
    }

    /// Why an answer names no target (reason 0).
    public enum NoTargetCause: String, Sendable, Hashable, Codable {
        /// A classification answer without scores.
        case noScores = "no_scores"
        /// Every listed score is 0 or not a number.
        case noUsableScore = "no_usable_score"
        /// The predicted label is empty.
        case emptyLabel = "empty_label"
        /// The predicted label is not among the scores.
        case labelNotScored = "label_not_scored"
        /// The predicted label is a configured background label.
        case backgroundLabel = "background_label"
        /// No detected box at or above the score floor.
        case noBoxAboveFloor = "no_box_above_floor"
    }

    /// The sample's position in the batch.
    public var index: Int
    /// The sample's source.
    public var source: String
    /// Why there is no prediction; such records are not scored.
    public var failure: String?
    /// Classification or detection; `nil` for a failure.
    public var task: Task?
    /// The predicted label (classification) or the dominant box label at or above the floor (detection).
    public var label: String?
    /// Why there is no target, or `nil` when there is one.
    public var noTarget: NoTargetCause?
    /// Classification confidences.
    public var classification: ClassificationConfidence?
    /// Detection confidences.
    public var detection: DetectionConfidence?
    /// Capture time, seconds.
    public var captureTime: Double?
    /// Image features, when a rule needs them.
    public var imageFeatures: ImageFeatures?
    /// Box measurements of the boxes at or above the floor, when a rule needs them.
    public var boxes: BoxMeasurements?
    /// One comparison per augmented answer, in reason order.
    public var augmentations: [AugmentationComparison]
    /// The raw embedding, when a rule needs it.
    public var embedding: [Double]?
    /// The detected objects at or above the floor, kept for reason 4 (detection).
    public var objects: [DetectedObject]

    /// A record with the given parts.
    public init(
        index: Int, source: String, failure: String? = nil, task: Task? = nil, label: String? = nil, noTarget: NoTargetCause? = nil,
        classification: ClassificationConfidence? = nil, detection: DetectionConfidence? = nil, captureTime: Double? = nil,
        imageFeatures: ImageFeatures? = nil, boxes: BoxMeasurements? = nil, augmentations: [AugmentationComparison] = [],
        embedding: [Double]? = nil, objects: [DetectedObject] = []
    ) {
        self.index = index
        self.source = source
        self.failure = failure
        self.task = task
        self.label = label
        self.noTarget = noTarget
        self.classification = classification
        self.detection = detection
        self.captureTime = captureTime
        self.imageFeatures = imageFeatures
        self.boxes = boxes
        self.augmentations = augmentations
        self.embedding = embedding
        self.objects = objects
    }

    /// Whether the record has a prediction to judge.
    public var isScored: Bool { failure == nil && task != nil }
}

/// How the answer on one augmented copy compares with the original (reasons 19–29), decided in phase 1.
public struct AugmentationComparison: Sendable, Hashable {
    /// The augmentation.
    public var kind: AugmentationKind
    /// Whether the answers disagree (the reason fires).
    public var isInconsistent: Bool
    /// How much they disagree, in [0, 1].
    public var score: Double
    /// Classification: the augmented answer's top label.
    public var augmentedLabel: String?
    /// Classification: the original label's probability in the original answer.
    public var originalProbability: Double?
    /// Classification: the original label's probability in the augmented answer.
    public var augmentedProbability: Double?
    /// Detection: the box comparison.
    public var boxes: DetectionComparison?

    /// A comparison with the given parts.
    public init(
        kind: AugmentationKind, isInconsistent: Bool, score: Double, augmentedLabel: String? = nil, originalProbability: Double? = nil,
        augmentedProbability: Double? = nil, boxes: DetectionComparison? = nil
    ) {
        self.kind = kind
        self.isInconsistent = isInconsistent
        self.score = score
        self.augmentedLabel = augmentedLabel
        self.originalProbability = originalProbability
        self.augmentedProbability = augmentedProbability
        self.boxes = boxes
    }
}
