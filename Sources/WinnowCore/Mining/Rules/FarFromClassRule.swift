/// Reason 3, far from the predicted class: the distance from the sample's embedding to the reference
/// centroid of its predicted class is far above that class's own distances (``MiningConfiguration/farFromClass``,
/// default above the class's p95 with modified z ≥ 3.5). Classes with fewer than
/// ``ReferenceConfiguration/minimumClassCount`` reference embeddings are not judged. Score: how far beyond
/// (``DriftMeasurement``); measured value: the distance.
public struct FarFromClassRule: HardExampleRule {
    /// The configuration.
    public let configuration: MiningConfiguration

    /// The rule under `configuration`.
    public init(configuration: MiningConfiguration) {
        self.configuration = configuration
    }

    public var reasons: ClosedRange<Int> { 3...3 }
    public var requirements: MiningRequirements { [.prediction, .embedding, .trainingStatistics] }

    /// The measurement of the sample's class distance, with the reference origin.
    public func measurement(_ evidence: MiningEvidence, in context: MiningContext) -> (DriftMeasurement, ReferenceOrigin)? {
        guard let label = evidence.record.label, let distance = evidence.neighbours.classDistance,
              let (statistics, origin) = context.embeddings,
              let distances = statistics.classDistances[label], distances.count >= configuration.reference.minimumClassCount,
              let measured = DriftMeasurement(distance, against: distances, scale: .linear, range: configuration.farFromClass)
        else { return nil }
        return (measured, origin)
    }

    public func evaluate(_ evidence: MiningEvidence, in context: MiningContext, into findings: inout ReasonFindings) {
        guard evidence.record.isScored, evidence.record.noTarget == nil, let (measured, _) = measurement(evidence, in: context) else { return }
        findings.append(ReasonFinding(reason: 3, fired: measured.isFar, score: measured.score, measured: measured.value))
    }

    public func detail(for finding: ReasonFinding, evidence: MiningEvidence, in context: MiningContext) -> HardReasonDetail {
        var reference = "no class statistics"
        if let (measured, origin) = measurement(evidence, in: context) {
            let label = evidence.record.label.map(MiningText.quoted) ?? ""
            reference = "distance to the \(origin.rawValue) centroid of \(label); \(origin.rawValue) \(label) distances "
                + DriftText.band(measured, range: configuration.farFromClass)
        }
        return HardReasonDetail(reason: 3, score: finding.score, measured: finding.measured, reference: reference, suggestion: HardReason.catalogue[3].suggestion)
    }
}
