public import WinnowCore

/// One successful result of a batch service, ready for mining.
public struct MiningCandidate: Sendable {
    public var source: String
    public var prediction: Prediction
    /// Position in the service's input order.
    public var sequence: Int

    public init(source: String, prediction: Prediction, sequence: Int) {
        self.source = source
        self.prediction = prediction
        self.sequence = sequence
    }
}

/// Decides which results are hard examples, and why.
public protocol HardExampleMiner: Sendable {
    /// The hard-example verdict of every candidate, in the same order.
    func mine(_ candidates: [MiningCandidate], type: LabelingType, training: TrainingSet?) async throws -> [HardExampleInfo]
}

/// The labelled data a model was trained on, read from its manifest.
public struct TrainingSet: Sendable {
    /// Class name of each training sample (classification) or of each box (detection).
    public var labels: [String]
    public var samples: Int

    public init(labels: [String], samples: Int) {
        self.labels = labels
        self.samples = samples
    }
}
