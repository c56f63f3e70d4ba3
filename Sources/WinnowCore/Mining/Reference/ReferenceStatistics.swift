/// The statistics rules compare a sample with, computed once by ``TrainingReference/finalize()`` from the
/// training set (or from the batch itself). `Codable`, so the engine can cache them by the training
/// manifest's content hash.
///
/// Feature distributions hold values already on each feature's ``FeatureScale``.
public struct ReferenceStatistics: Sendable, Hashable, Codable {
    /// Where the statistics come from.
    public var origin: ReferenceOrigin
    /// How many items were added.
    public var itemCount: Int
    /// Every class label seen, sorted.
    public var classLabels: [String]
    /// Image feature distributions (reasons 5–10), on each feature's scale.
    public var imageFeatures: [ImageFeatureKind: EmpiricalDistribution]
    /// Box feature distributions (reasons 11–18), on each feature's scale; per-box features hold one value
    /// per box.
    public var boxFeatures: [BoxFeatureKind: EmpiricalDistribution]
    /// Per-class mean confidences (reason 1's adaptive thresholds).
    public var classConfidence: [String: ClassConfidenceSummary]
    /// Embedding statistics (reasons 2, 3, 4, 30 and diversity), when there were embeddings.
    public var embeddings: EmbeddingStatistics?
    /// Embeddings ignored because their length differed from the first one's.
    public var skippedEmbeddings: Int

    /// Statistics with the given parts.
    public init(
        origin: ReferenceOrigin, itemCount: Int, classLabels: [String], imageFeatures: [ImageFeatureKind: EmpiricalDistribution],
        boxFeatures: [BoxFeatureKind: EmpiricalDistribution], classConfidence: [String: ClassConfidenceSummary],
        embeddings: EmbeddingStatistics?, skippedEmbeddings: Int
    ) {
        self.origin = origin
        self.itemCount = itemCount
        self.classLabels = classLabels
        self.imageFeatures = imageFeatures
        self.boxFeatures = boxFeatures
        self.classConfidence = classConfidence
        self.embeddings = embeddings
        self.skippedEmbeddings = skippedEmbeddings
    }
}

/// The mean confidences of one class over the reference: for training items with a model answer, of the
/// given label (cleanlab's self-confidence); for the batch, of the predicted label.
public struct ClassConfidenceSummary: Sendable, Hashable, Codable {
    /// Items of the class.
    public var count: Int
    /// Mean probability of the class.
    public var meanSelfConfidence: Double
    /// Mean margin of the class over the best other class (negative where another class won).
    public var meanMargin: Double
    /// Mean `1 − H / ln K`.
    public var meanEntropyConfidence: Double

    /// A summary with the given values.
    public init(count: Int, meanSelfConfidence: Double, meanMargin: Double, meanEntropyConfidence: Double) {
        self.count = count
        self.meanSelfConfidence = meanSelfConfidence
        self.meanMargin = meanMargin
        self.meanEntropyConfidence = meanEntropyConfidence
    }
}

/// What the reference's embeddings say: a uniform sample of them with labels, per-class centroids and
/// within-class distance distributions, the leave-one-out k-NN distance distribution and the typical
/// nearest-neighbour distance.
public struct EmbeddingStatistics: Sendable, Hashable, Codable {
    /// The sampled reference vectors (prepared), with class indices into ``classLabels``.
    public var sample: EmbeddingSet
    /// The class labels the indices refer to.
    public var classLabels: [String]
    /// Per class: the mean of all its (prepared) vectors.
    public var centroids: [String: [Double]]
    /// Per class: how many vectors it had.
    public var classCounts: [String: Int]
    /// Per class: distances of its sampled vectors to its centroid (reason 3).
    public var classDistances: [String: EmpiricalDistribution]
    /// Mean distance of each sampled vector to its ``neighbourCount`` nearest others (reason 30).
    public var neighbourDistances: EmpiricalDistribution
    /// The k of ``neighbourDistances``.
    public var neighbourCount: Int
    /// The median distance from a sampled vector to its nearest other: the scale of "close" (reason 4,
    /// diversity).
    public var medianNearestDistance: Double
    /// Whether vectors are unit-normalised.
    public var normalized: Bool

    /// Statistics with the given parts.
    public init(
        sample: EmbeddingSet, classLabels: [String], centroids: [String: [Double]], classCounts: [String: Int],
        classDistances: [String: EmpiricalDistribution], neighbourDistances: EmpiricalDistribution, neighbourCount: Int,
        medianNearestDistance: Double, normalized: Bool
    ) {
        self.sample = sample
        self.classLabels = classLabels
        self.centroids = centroids
        self.classCounts = classCounts
        self.classDistances = classDistances
        self.neighbourDistances = neighbourDistances
        self.neighbourCount = neighbourCount
        self.medianNearestDistance = medianNearestDistance
        self.normalized = normalized
    }

    /// The vector's length.
    public var dimension: Int { sample.dimension }

    /// `vector` prepared like the reference's (cleaned, normalised when they are), or `nil` when its
    /// length differs.
    public func prepared(_ vector: [Double]) -> [Double]? {
        guard vector.count == dimension else { return nil }
        return EmbeddingSet.prepared(vector, normalize: normalized)
    }
}
