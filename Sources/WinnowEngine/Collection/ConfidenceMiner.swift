public import WinnowCore

/// The prediction-only rules: reason 0 (no target) and reason 1 (low confidence by margin, or, for
/// detection, by the share of low-score boxes and the mean score, as Sedna's IBT and Threshold filters).
///
/// The full rule set (image and box drift, training-set consistency, augmentations, outliers) is the
/// mining engine's; this miner covers what a prediction alone tells.
public struct ConfidenceMiner: HardExampleMiner {
    /// Classification: hard below this margin between the two best scores (default 0.2).
    public var marginThreshold = 0.2
    /// Detection: boxes scoring below this are low (Sedna IBT `threshold_box`, default 0.5).
    public var boxThreshold = 0.5
    /// Detection: hard when at least this share of boxes is low (Sedna IBT `1 − threshold_img`, default 0.5).
    public var lowBoxShare = 0.5

    public init() {}

    public func mine(_ candidates: [MiningCandidate], type: LabelingType, training: TrainingSet?) async throws -> [HardExampleInfo] {
        candidates.map(verdict)
    }

    func verdict(_ candidate: MiningCandidate) -> HardExampleInfo {
        var details: [HardReasonDetail] = []
        switch candidate.prediction.content {
        case .classification(let c):
            guard let top = c.scores.first else {
                details.append(HardReasonDetail(reason: 0, score: 1, measured: 0, reference: "no class scores in the answer", suggestion: HardReason.catalogue[0].suggestion))
                break
            }
            let second = c.scores.count > 1 ? c.scores[1].score : max(0, 1 - top.score)
            let margin = top.score - second
            if margin < marginThreshold {
                details.append(HardReasonDetail(
                    reason: 1, score: min(1, 1 - margin / marginThreshold * 0.5), measured: margin,
                    reference: "margin between the two best classes below \(marginThreshold)", suggestion: HardReason.catalogue[1].suggestion))
            }
        case .detection(let d):
            if d.objects.isEmpty {
                details.append(HardReasonDetail(reason: 0, score: 1, measured: 0, reference: "no box in the answer", suggestion: HardReason.catalogue[0].suggestion))
                break
            }
            let low = d.objects.filter { $0.score <= boxThreshold }.count
            let share = Double(low) / Double(d.objects.count)
            if share >= lowBoxShare {
                details.append(HardReasonDetail(
                    reason: 1, score: share, measured: share,
                    reference: "share of boxes scoring ≤ \(boxThreshold) at least \(lowBoxShare)", suggestion: HardReason.catalogue[1].suggestion))
            }
        }
        let coefficient = 1 - details.reduce(1) { $0 * (1 - ($1.score ?? 0)) }
        return HardExampleInfo(isHard: !details.isEmpty, coefficient: details.isEmpty ? 0 : coefficient, reasons: details.map(\.reason), details: details)
    }
}
