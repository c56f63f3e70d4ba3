/// Reason 30, outlier: the mean distance from the sample's embedding to its k nearest reference
/// embeddings (``OutlierConfiguration/neighbourCount``, default 5) is far above the reference's own
/// leave-one-out k-NN distances (default above p99 with modified z ≥ 3.5) — the feature-based outlier
/// score of cleanlab and Datalab, judged with robust cut-offs. Score: how far beyond
/// (``DriftMeasurement``); measured value: the mean distance.
public struct OutlierRule: HardExampleRule {
    /// The configuration.
    public let configuration: MiningConfiguration

    /// The rule under `configuration`.
    public init(configuration: MiningConfiguration) {
        self.configuration = configuration
    }

    public var reasons: ClosedRange<Int> { 30...30 }
    public var requirements: MiningRequirements { [.embedding, .trainingStatistics] }

    /// The measurement of the sample's k-NN distance, with the reference origin.
    public func measurement(_ evidence: MiningEvidence, in context: MiningContext) -> (DriftMeasurement, ReferenceOrigin)? {
        guard let distance = evidence.neighbours.neighbourDistance, let (statistics, origin) = context.embeddings,
              statistics.neighbourDistances.count >= configuration.reference.minimumCount,
              let measured = DriftMeasurement(distance, against: statistics.neighbourDistances, scale: .linear, range: configuration.outlier.range)
        else { return nil }
        return (measured, origin)
    }

    public func evaluate(_ evidence: MiningEvidence, in context: MiningContext, into findings: inout ReasonFindings) {
        guard evidence.record.isScored, let (measured, _) = measurement(evidence, in: context) else { return }
        findings.append(ReasonFinding(reason: 30, fired: measured.isFar, score: measured.score, measured: measured.value))
    }

    public func detail(for finding: ReasonFinding, evidence: MiningEvidence, in context: MiningContext) -> HardReasonDetail {
        var reference = "no embedding statistics"
        if let (measured, origin) = measurement(evidence, in: context), let statistics = context.embeddings?.0 {
            reference = "mean distance to the \(statistics.neighbourCount) nearest \(origin.rawValue) embeddings; \(origin.rawValue) "
                + DriftText.band(measured, range: configuration.outlier.range)
        }
        return HardReasonDetail(reason: 30, score: finding.score, measured: finding.measured, reference: reference, suggestion: HardReason.catalogue[30].suggestion)
    }
}
