/// Phase 1 of mining: one ``MiningSample`` in, one compact ``SampleScores`` record out, with no global
/// statistics — so it runs on shards in parallel and its memory stays flat. Records are written as JSON
/// lines (``SampleScores/jsonLine()``) and read back by ``MiningPhase2``.
///
/// Scoring a prediction-only sample (reasons 0 and 1) does not allocate.
public struct MiningPhase1: Sendable {
    /// The configuration.
    public let configuration: MiningConfiguration
    /// The enabled rules.
    public let rules: [any HardExampleRule]
    /// What the enabled rules need from the pipeline.
    public let requirements: MiningRequirements
    private let measuringRules: [any HardExampleRule]
    private let backgroundLabels: Set<String>

    /// A phase 1 under `configuration`.
    public init(configuration: MiningConfiguration = MiningConfiguration()) {
        self.configuration = configuration
        rules = MiningRules.standard(configuration)
        requirements = rules.reduce(into: MiningRequirements.prediction) { $0.formUnion($1.requirements) }
        measuringRules = rules.filter(\.measuresSamples)
        backgroundLabels = Set(configuration.classification.backgroundLabels)
    }

    /// The phase-1 record of `sample`.
    public func score(_ sample: MiningSample) -> SampleScores {
        var record = SampleScores(index: sample.index, source: sample.source, captureTime: sample.captureTime)
        switch sample.outcome {
        case .failure(let message):
            record.failure = message
            return record
        case .prediction(let prediction):
            switch prediction.content {
            case .classification(let answer):
                measureClassification(answer, into: &record)
            case .detection(let answer):
                measureDetection(answer, into: &record)
            }
            if requirements.contains(.imageFeatures) { record.imageFeatures = sample.imageFeatures }
            if requirements.contains(.embedding), let embedding = sample.embedding, !embedding.isEmpty { record.embedding = embedding }
            for rule in measuringRules { rule.measure(sample, prediction: prediction, into: &record) }
            return record
        }
    }

    private func measureClassification(_ answer: ClassificationPrediction, into record: inout SampleScores) {
        let measured = ClassificationConfidence(scores: answer.scores, classCount: configuration.classification.classCount)
        record.task = .classification
        record.label = answer.predictedLabel
        record.classification = measured
        if answer.scores.isEmpty {
            record.noTarget = .noScores
        } else if !measured.isUsable {
            record.noTarget = .noUsableScore
        } else if answer.predictedLabel.isEmpty {
            record.noTarget = .emptyLabel
        } else if !backgroundLabels.isEmpty, backgroundLabels.contains(answer.predictedLabel) {
            record.noTarget = .backgroundLabel
        } else if !answer.scores.contains(where: { $0.label == answer.predictedLabel }) {
            record.noTarget = .labelNotScored
        }
    }

    private func measureDetection(_ answer: DetectionPrediction, into record: inout SampleScores) {
        let low = configuration.lowConfidence
        let floor = configuration.detection.scoreFloor
        let measured = DetectionConfidence(
            objects: answer.objects, scoreFloor: floor, lowScoreThreshold: low.lowScoreBoxThreshold, uncertainBand: low.uncertainBand)
        record.task = .detection
        record.detection = measured
        record.label = Self.dominantLabel(answer.objects, floor: floor)
        if measured.boxCount == 0 { record.noTarget = .noBoxAboveFloor }
    }

    /// The label with most boxes at or above `floor` (ties: the larger total score, then the smaller
    /// name), or `nil` without such boxes.
    static func dominantLabel(_ objects: [DetectedObject], floor: Double) -> String? {
        var best: (label: String, count: Int, total: Double)?
        for object in objects where object.score >= floor {
            if let current = best, current.label == object.label { continue }
            var count = 0
            var total = 0.0
            for other in objects where other.score >= floor && other.label == object.label {
                count += 1
                total += other.score
            }
            if let current = best {
                let better = count > current.count || (count == current.count && (total > current.total || (total == current.total && object.label < current.label)))
                if !better { continue }
            }
            best = (object.label, count, total)
        }
        return best?.label
    }
}
