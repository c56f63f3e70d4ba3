/// Reason 4, consecutive similar images disagree: ordered by capture time (when every sample has one) or
/// by the natural order of their file names, each sample is compared with up to
/// ``TemporalConsistencyConfiguration/window`` neighbours per side; a neighbour is similar when their
/// embeddings are within the similarity radius (default: the reference's median nearest-neighbour
/// distance). Fires when a similar neighbour predicts another label (detection: a lost, new or relabelled
/// box at IoU ≥ 0.5). Score: the disagreeing share of similar neighbours; measured value: how many
/// disagree.
public struct TemporalConsistencyRule: HardExampleRule {
    /// The configuration.
    public let configuration: MiningConfiguration

    /// The rule under `configuration`.
    public init(configuration: MiningConfiguration) {
        self.configuration = configuration
    }

    public var reasons: ClosedRange<Int> { 4...4 }
    public var requirements: MiningRequirements { [.prediction, .embedding, .neighbours] }

    public var measuresSamples: Bool { true }

    public func measure(_ sample: MiningSample, prediction: Prediction, into record: inout SampleScores) {
        guard case .detection(let detection) = prediction.content else { return }
        let floor = configuration.detection.scoreFloor
        record.objects = detection.objects.filter { $0.score >= floor }
    }

    /// Whether two scored records predict differently.
    public func disagree(_ a: SampleScores, _ b: SampleScores) -> Bool {
        if a.task == .detection, b.task == .detection {
            let settings = configuration.detection
            let comparison = DetectionComparison(
                original: a.objects, other: b.objects, scoreFloor: settings.scoreFloor, iouThreshold: settings.iouThreshold,
                minimumUnmatchedScore: settings.minimumUnmatchedScore)
            return comparison.inconsistentCount > 0
        }
        return a.label != b.label
    }

    public func evaluate(_ evidence: MiningEvidence, in context: MiningContext, into findings: inout ReasonFindings) {
        guard evidence.record.isScored, let temporal = evidence.neighbours.temporal, temporal.similar > 0 else { return }
        findings.append(
            ReasonFinding(
                reason: 4, fired: temporal.disagreeing > 0, score: Double(temporal.disagreeing) / Double(temporal.similar),
                measured: Double(temporal.disagreeing)))
    }

    public func detail(for finding: ReasonFinding, evidence: MiningEvidence, in context: MiningContext) -> HardReasonDetail {
        var reference = "no similar neighbour"
        if let temporal = evidence.neighbours.temporal {
            let origin = context.embeddings?.1.rawValue ?? "batch"
            let radius = configuration.temporal.maximumDistance == nil
                ? "≤ \(MiningText.number(temporal.radius)) = \(MiningText.number(configuration.temporal.similarityFactor)) × \(origin) median nearest-neighbour distance"
                : "≤ \(MiningText.number(temporal.radius))"
            reference = "\(temporal.disagreeing) of \(temporal.similar) similar neighbour(s) in \(temporal.ordering.rawValue) (embedding distance \(radius)) predict differently"
            if let source = temporal.exampleSource {
                reference += ", e.g. \(source) predicts \(temporal.exampleLabel.map(MiningText.quoted) ?? "no label")"
            }
        }
        return HardReasonDetail(reason: 4, score: finding.score, measured: finding.measured, reference: reference, suggestion: HardReason.catalogue[4].suggestion)
    }
}
