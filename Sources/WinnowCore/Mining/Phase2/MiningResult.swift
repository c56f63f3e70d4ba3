/// What mining decided for a batch: every sample's verdict with its explanation, and the selection.
public struct MiningResult: Sendable, Hashable {
    /// Every sample, by index.
    public var samples: [MinedSample]
    /// The selected samples' indices, in the order they were picked (by coefficient, with diversity).
    public var selection: [Int]
    /// Samples with a prediction.
    public var scoredCount: Int
    /// Samples at least one reason fired for.
    public var hardCount: Int
    /// Where each kind of statistic came from, for the run summary (e.g. `image features: batch`).
    public var referenceSummary: [String]
    /// The image and box feature distributions of the whole batch against the training reference.
    public var featureDistributions: [FeatureDistribution]

    /// A result with the given parts.
    public init(
        samples: [MinedSample], selection: [Int], scoredCount: Int, hardCount: Int, referenceSummary: [String],
        featureDistributions: [FeatureDistribution] = []
    ) {
        self.featureDistributions = featureDistributions
        self.samples = samples
        self.selection = selection
        self.scoredCount = scoredCount
        self.hardCount = hardCount
        self.referenceSummary = referenceSummary
    }

    /// The selected samples, in pick order.
    public var selectedSamples: [MinedSample] {
        let byIndex = Dictionary(samples.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        return selection.compactMap { byIndex[$0] }
    }
}

/// One sample's outcome.
public struct MinedSample: Sendable, Hashable {
    /// The sample's index.
    public var index: Int
    /// Its source.
    public var source: String
    /// The verdict and explanation; `nil` when there was no prediction.
    public var info: HardExampleInfo?
    /// Why there was no prediction.
    public var failure: String?
    /// Whether the selection kept it (every hard sample without a budget).
    public var isSelected: Bool

    /// A sample outcome with the given parts.
    public init(index: Int, source: String, info: HardExampleInfo?, failure: String?, isSelected: Bool) {
        self.index = index
        self.source = source
        self.info = info
        self.failure = failure
        self.isSelected = isSelected
    }
}
