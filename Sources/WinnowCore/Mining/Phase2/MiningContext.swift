/// The references phase 2 judges against: the training statistics when they hold what a rule needs,
/// else the batch's own statistics. Each lookup says which one it used, so every detail can say
/// "training" or "batch".
public struct MiningContext: Sendable {
    /// The configuration.
    public let configuration: MiningConfiguration
    /// Statistics of the training set, when there is one.
    public let training: ReferenceStatistics?
    /// Statistics of the batch itself.
    public let batch: ReferenceStatistics?

    /// A context over the given references.
    public init(configuration: MiningConfiguration, training: ReferenceStatistics?, batch: ReferenceStatistics?) {
        self.configuration = configuration
        self.training = training
        self.batch = batch
    }

    /// The distribution of an image feature, with its origin; `nil` when neither reference has at least
    /// ``ReferenceConfiguration/minimumCount`` values.
    public func distribution(_ kind: ImageFeatureKind) -> (EmpiricalDistribution, ReferenceOrigin)? {
        let minimum = configuration.reference.minimumCount
        if let training, let distribution = training.imageFeatures[kind], distribution.count >= minimum { return (distribution, training.origin) }
        if let batch, let distribution = batch.imageFeatures[kind], distribution.count >= minimum { return (distribution, batch.origin) }
        return nil
    }

    /// The distribution of a box feature, with its origin (as for image features).
    public func distribution(_ kind: BoxFeatureKind) -> (EmpiricalDistribution, ReferenceOrigin)? {
        let minimum = configuration.reference.minimumCount
        if let training, let distribution = training.boxFeatures[kind], distribution.count >= minimum { return (distribution, training.origin) }
        if let batch, let distribution = batch.boxFeatures[kind], distribution.count >= minimum { return (distribution, batch.origin) }
        return nil
    }

    /// The mean confidences of `label`, with their origin; `nil` when neither reference saw the class at
    /// least ``ReferenceConfiguration/minimumClassCount`` times.
    public func classConfidence(_ label: String) -> (ClassConfidenceSummary, ReferenceOrigin)? {
        let minimum = configuration.reference.minimumClassCount
        if let training, let summary = training.classConfidence[label], summary.count >= minimum { return (summary, .training) }
        if let batch, let summary = batch.classConfidence[label], summary.count >= minimum { return (summary, .batch) }
        return nil
    }

    /// The embedding statistics used for reasons 2, 3, 4, 30 and diversity, with their origin: the
    /// training set's when it had embeddings, else the batch's.
    public var embeddings: (EmbeddingStatistics, ReferenceOrigin)? {
        if let training, let statistics = training.embeddings { return (statistics, .training) }
        if let batch, let statistics = batch.embeddings { return (statistics, .batch) }
        return nil
    }
}
