/// Reason 2, cluster disagreement: the sample's nearest reference neighbours vote for another class.
///
/// Phase 2 finds the ``ClusterDisagreementConfiguration/neighbourCount`` (default 10) nearest reference
/// embeddings — training images with their labels, or, without training embeddings, the batch's other
/// samples with their predictions. Fires when the winning label differs from the prediction and holds at
/// least ``ClusterDisagreementConfiguration/minimumAgreement`` (default 0.6) of the votes. Score: the
/// share of neighbours not voting for the prediction; measured value: the winning label's share.
public struct ClusterDisagreementRule: HardExampleRule {
    /// The configuration.
    public let configuration: MiningConfiguration

    /// The rule under `configuration`.
    public init(configuration: MiningConfiguration) {
        self.configuration = configuration
    }

    public var reasons: ClosedRange<Int> { 2...2 }
    public var requirements: MiningRequirements { [.prediction, .embedding, .trainingStatistics] }

    public func evaluate(_ evidence: MiningEvidence, in context: MiningContext, into findings: inout ReasonFindings) {
        let record = evidence.record
        guard record.isScored, record.noTarget == nil, let label = record.label, let vote = evidence.neighbours.vote else { return }
        let fired = vote.winner != label && vote.winnerShare >= configuration.clusterDisagreement.minimumAgreement
        findings.append(ReasonFinding(reason: 2, fired: fired, score: 1 - vote.predictedShare, measured: vote.winnerShare))
    }

    public func detail(for finding: ReasonFinding, evidence: MiningEvidence, in context: MiningContext) -> HardReasonDetail {
        let origin = context.embeddings?.1 ?? .batch
        var reference = "no neighbour vote"
        if let vote = evidence.neighbours.vote {
            let winners = Int((vote.winnerShare * Double(vote.voters)).rounded())
            let agreeing = Int((vote.predictedShare * Double(vote.voters)).rounded())
            let what = origin == .training ? "training neighbours are labelled" : "batch neighbours are predicted"
            reference = "\(winners) of the \(vote.voters) nearest \(what) \(MiningText.quoted(vote.winner)); "
                + "\(agreeing) agree with the prediction \(evidence.record.label.map(MiningText.quoted) ?? "")"
                + " (fires at ≥ \(MiningText.number(configuration.clusterDisagreement.minimumAgreement)))"
        }
        return HardReasonDetail(reason: 2, score: finding.score, measured: finding.measured, reference: reference, suggestion: HardReason.catalogue[2].suggestion)
    }
}
