/// Every threshold of hard-example mining, with documented defaults: which reasons run, how each family
/// decides, how scores combine and how a budget is filled. `Codable`, and a file needs only the keys it
/// changes (missing keys take their defaults). ``explain()`` prints the effective values.
public struct MiningConfiguration: Sendable, Hashable, Codable {
    /// The reason codes that run, 0–30. Default all. Box reasons 11–18 only apply to detection.
    public var enabledReasons: [Int]
    /// The seed of every random choice (reservoir samples), so a run repeats exactly. Default 0.
    public var seed: UInt64
    /// Reading classification answers.
    public var classification: ClassificationSettings
    /// Reading detection answers.
    public var detection: DetectionSettings
    /// Reason 1.
    public var lowConfidence: LowConfidenceConfiguration
    /// Reason 2.
    public var clusterDisagreement: ClusterDisagreementConfiguration
    /// Reason 3: distance to the predicted class's reference centroid against that class's own
    /// distances. Default: above the class's p95 with modified z ≥ 3.5.
    public var farFromClass: RobustRange
    /// Reason 4.
    public var temporal: TemporalConsistencyConfiguration
    /// Reasons 5–10: image features against the reference. Default: outside p1–p99 with |modified z| ≥
    /// 3.5.
    public var imageDrift: RobustRange
    /// Reasons 11–18: box features against the reference's boxes. Default: outside p1–p99 with
    /// |modified z| ≥ 3.5; per-box features fire on the most extreme box.
    public var boxDrift: RobustRange
    /// Reasons 19–29.
    public var augmentation: AugmentationConsistencyConfiguration
    /// Reason 30.
    public var outlier: OutlierConfiguration
    /// Embedding distances.
    public var embeddings: EmbeddingConfiguration
    /// Reference statistics.
    public var reference: ReferenceConfiguration
    /// The hard coefficient.
    public var coefficient: CoefficientConfiguration
    /// The budget and diversity.
    public var selection: SelectionConfiguration

    /// A configuration with the given parts; every part defaults.
    public init(
        enabledReasons: [Int] = Array(0...30),
        seed: UInt64 = 0,
        classification: ClassificationSettings = ClassificationSettings(),
        detection: DetectionSettings = DetectionSettings(),
        lowConfidence: LowConfidenceConfiguration = LowConfidenceConfiguration(),
        clusterDisagreement: ClusterDisagreementConfiguration = ClusterDisagreementConfiguration(),
        farFromClass: RobustRange = RobustRange(upperPercentile: 95, side: .upper),
        temporal: TemporalConsistencyConfiguration = TemporalConsistencyConfiguration(),
        imageDrift: RobustRange = RobustRange(),
        boxDrift: RobustRange = RobustRange(),
        augmentation: AugmentationConsistencyConfiguration = AugmentationConsistencyConfiguration(),
        outlier: OutlierConfiguration = OutlierConfiguration(),
        embeddings: EmbeddingConfiguration = EmbeddingConfiguration(),
        reference: ReferenceConfiguration = ReferenceConfiguration(),
        coefficient: CoefficientConfiguration = CoefficientConfiguration(),
        selection: SelectionConfiguration = SelectionConfiguration()
    ) {
        self.enabledReasons = enabledReasons
        self.seed = seed
        self.classification = classification
        self.detection = detection
        self.lowConfidence = lowConfidence
        self.clusterDisagreement = clusterDisagreement
        self.farFromClass = farFromClass
        self.temporal = temporal
        self.imageDrift = imageDrift
        self.boxDrift = boxDrift
        self.augmentation = augmentation
        self.outlier = outlier
        self.embeddings = embeddings
        self.reference = reference
        self.coefficient = coefficient
        self.selection = selection
    }

    /// The default configuration restricted to `reasons`.
    public static func only(_ reasons: [Int]) -> MiningConfiguration {
        MiningConfiguration(enabledReasons: reasons)
    }

    /// Whether `reason` runs.
    public func isEnabled(_ reason: Int) -> Bool {
        enabledReasons.contains(reason)
    }

    /// Whether any reason in `reasons` runs.
    public func isAnyEnabled(_ reasons: ClosedRange<Int>) -> Bool {
        enabledReasons.contains { reasons.contains($0) }
    }

    /// Decodes a configuration; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        enabledReasons = try container.value(.enabledReasons, default: defaults.enabledReasons)
        seed = try container.value(.seed, default: defaults.seed)
        classification = try container.value(.classification, default: defaults.classification)
        detection = try container.value(.detection, default: defaults.detection)
        lowConfidence = try container.value(.lowConfidence, default: defaults.lowConfidence)
        clusterDisagreement = try container.value(.clusterDisagreement, default: defaults.clusterDisagreement)
        farFromClass = try container.value(.farFromClass, default: defaults.farFromClass)
        temporal = try container.value(.temporal, default: defaults.temporal)
        imageDrift = try container.value(.imageDrift, default: defaults.imageDrift)
        boxDrift = try container.value(.boxDrift, default: defaults.boxDrift)
        augmentation = try container.value(.augmentation, default: defaults.augmentation)
        outlier = try container.value(.outlier, default: defaults.outlier)
        embeddings = try container.value(.embeddings, default: defaults.embeddings)
        reference = try container.value(.reference, default: defaults.reference)
        coefficient = try container.value(.coefficient, default: defaults.coefficient)
        selection = try container.value(.selection, default: defaults.selection)
    }

    /// Checks every value's range, naming the first field at fault.
    public func validate() throws(ValidationError) {
        if let bad = enabledReasons.first(where: { !(0...30).contains($0) }) {
            throw ValidationError(field: "enabledReasons", message: "unknown reason \(bad); reasons are 0 to 30")
        }
        if let classCount = classification.classCount, classCount < 1 {
            throw ValidationError(field: "classification.classCount", message: "must be at least 1, got \(classCount)")
        }
        try Self.check(detection.scoreFloor, "detection.scoreFloor", 0...1)
        try Self.check(detection.iouThreshold, "detection.iouThreshold", 0...1)
        try Self.check(detection.minimumUnmatchedScore, "detection.minimumUnmatchedScore", 0...1)
        try lowConfidence.margin.validate("lowConfidence.margin")
        try lowConfidence.selfConfidence.validate("lowConfidence.selfConfidence")
        try lowConfidence.entropyConfidence.validate("lowConfidence.entropyConfidence")
        try Self.check(lowConfidence.lowScoreBoxThreshold, "lowConfidence.lowScoreBoxThreshold", 0...1)
        try Self.check(lowConfidence.imageThreshold, "lowConfidence.imageThreshold", 0...1)
        try Self.check(lowConfidence.meanScoreThreshold, "lowConfidence.meanScoreThreshold", 0...1)
        try Self.check(lowConfidence.uncertainBandLower, "lowConfidence.uncertainBandLower", 0...1)
        try Self.check(lowConfidence.uncertainBandUpper, "lowConfidence.uncertainBandUpper", lowConfidence.uncertainBandLower...1)
        try Self.check(Double(clusterDisagreement.neighbourCount), "clusterDisagreement.neighbourCount", 1...10_000)
        try Self.check(clusterDisagreement.minimumAgreement, "clusterDisagreement.minimumAgreement", 0...1)
        try farFromClass.validate("farFromClass")
        try Self.check(Double(temporal.window), "temporal.window", 1...1_000)
        try Self.check(temporal.similarityFactor, "temporal.similarityFactor", 0...1_000)
        try imageDrift.validate("imageDrift")
        try boxDrift.validate("boxDrift")
        try Self.check(augmentation.probabilityDrop, "augmentation.probabilityDrop", 0...1)
        try Self.check(Double(augmentation.minimumInconsistentBoxes), "augmentation.minimumInconsistentBoxes", 1...1_000_000)
        try Self.check(Double(outlier.neighbourCount), "outlier.neighbourCount", 1...10_000)
        try outlier.range.validate("outlier.range")
        try Self.check(Double(embeddings.maximumReferenceEmbeddings), "embeddings.maximumReferenceEmbeddings", 2...10_000_000)
        try Self.check(Double(reference.maximumValuesPerFeature), "reference.maximumValuesPerFeature", 1...100_000_000)
        try Self.check(Double(reference.minimumCount), "reference.minimumCount", 1...100_000_000)
        try Self.check(Double(reference.minimumClassCount), "reference.minimumClassCount", 1...100_000_000)
        guard coefficient.weights.count == 31 else {
            throw ValidationError(field: "coefficient.weights", message: "needs 31 weights, one per reason 0–30; got \(coefficient.weights.count)")
        }
        for (reason, weight) in coefficient.weights.enumerated() {
            try Self.check(weight, "coefficient.weights[\(reason)]", 0...1)
        }
        if let count = selection.maximumCount, count < 0 {
            throw ValidationError(field: "selection.maximumCount", message: "must be at least 0, got \(count)")
        }
        if let fraction = selection.maximumFraction { try Self.check(fraction, "selection.maximumFraction", 0...1) }
        try Self.check(selection.poolMultiplier, "selection.poolMultiplier", 1...1_000_000)
        try Self.check(selection.radiusFactor, "selection.radiusFactor", 0...1_000_000)
    }

    private static func check(_ value: Double, _ field: String, _ range: ClosedRange<Double>) throws(ValidationError) {
        guard value.isFinite, range.contains(value) else {
            throw ValidationError(field: field, message: "must be in [\(MiningText.number(range.lowerBound)), \(MiningText.number(range.upperBound))], got \(value)")
        }
    }
}
