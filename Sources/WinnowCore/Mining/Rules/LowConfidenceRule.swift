/// Reason 1, low confidence (see ``LowConfidenceConfiguration`` for every threshold).
///
/// Classification: fires when the margin `p(1) − p(2)`, the top score or `1 − H / ln K` is below its
/// threshold for the predicted class (per-class adaptive thresholds use the training set's class means
/// when it has model answers, else the batch's). Score `1 − margin` (margin is the primary ranking
/// signal); measured value: the margin.
///
/// Detection, over boxes at or above the floor: Sedna IBT (share of boxes ≤ 0.5 is ≥ 0.5), Sedna
/// Threshold (mean score < 0.5) and, when enabled, HiLens CSF (a box in [0.4, 0.6]). Score: the largest
/// enabled of the low-score share, `1 − mean score` and the band closeness; measured value: the low-score
/// share. Samples with no target are left to reason 0.
public struct LowConfidenceRule: HardExampleRule {
    /// The configuration.
    public let configuration: MiningConfiguration

    /// The rule under `configuration`.
    public init(configuration: MiningConfiguration) {
        self.configuration = configuration
    }

    public var reasons: ClosedRange<Int> { 1...1 }
    public var requirements: MiningRequirements { [.prediction, .trainingStatistics] }

    /// The three classification thresholds for `label`, with the class statistics they came from.
    public func classificationThresholds(for label: String?, in context: MiningContext)
        -> (margin: Double, selfConfidence: Double, entropyConfidence: Double, statistics: (ClassConfidenceSummary, ReferenceOrigin)?)
    {
        let low = configuration.lowConfidence
        let statistics = label.flatMap { context.classConfidence($0) }
        let summary = statistics?.0
        return (
            low.margin.threshold(classMean: summary?.meanMargin),
            low.selfConfidence.threshold(classMean: summary?.meanSelfConfidence),
            low.entropyConfidence.threshold(classMean: summary?.meanEntropyConfidence),
            statistics
        )
    }

    public func evaluate(_ evidence: MiningEvidence, in context: MiningContext, into findings: inout ReasonFindings) {
        guard evidence.record.isScored, evidence.record.noTarget == nil else { return }
        let low = configuration.lowConfidence
        if let measured = evidence.record.classification {
            let thresholds = classificationThresholds(for: evidence.record.label, in: context)
            let fired = (low.margin.isEnabled && measured.margin < thresholds.margin)
                || (low.selfConfidence.isEnabled && measured.top < thresholds.selfConfidence)
                || (low.entropyConfidence.isEnabled && measured.entropyConfidence < thresholds.entropyConfidence)
            findings.append(ReasonFinding(reason: 1, fired: fired, score: 1 - measured.margin, measured: measured.margin))
        } else if let measured = evidence.record.detection, measured.boxCount > 0 {
            let byShare = low.imageBoxThresholdEnabled && measured.lowScoreShare >= 1 - low.imageThreshold
            let byMean = low.meanScoreEnabled && measured.meanScore < low.meanScoreThreshold
            let byBand = low.uncertainBandEnabled && measured.uncertainBoxCount > 0
            var score = 0.0
            if low.imageBoxThresholdEnabled { score = max(score, measured.lowScoreShare) }
            if low.meanScoreEnabled { score = max(score, 1 - measured.meanScore) }
            if low.uncertainBandEnabled { score = max(score, measured.bandCloseness) }
            findings.append(ReasonFinding(reason: 1, fired: byShare || byMean || byBand, score: score, measured: measured.lowScoreShare))
        }
    }

    public func detail(for finding: ReasonFinding, evidence: MiningEvidence, in context: MiningContext) -> HardReasonDetail {
        let record = evidence.record
        let low = configuration.lowConfidence
        let n = MiningText.number
        var parts: [String] = []
        if let measured = record.classification {
            let thresholds = classificationThresholds(for: record.label, in: context)
            let label = record.label.map(MiningText.quoted) ?? "the class"
            func basis(_ test: AdaptiveThreshold, mean: Double?) -> String {
                guard let factor = test.classFactor, let mean, let origin = thresholds.statistics?.1 else { return "fixed" }
                return "\(n(factor)) × \(origin.rawValue) mean \(n(mean)) of \(label)"
            }
            let summary = thresholds.statistics?.0
            if low.margin.isEnabled, measured.margin < thresholds.margin {
                parts.append("margin p1 − p2 = \(n(measured.margin)) < \(n(thresholds.margin)) (\(basis(low.margin, mean: summary?.meanMargin)))")
            }
            if low.selfConfidence.isEnabled, measured.top < thresholds.selfConfidence {
                parts.append("top score \(n(measured.top)) < \(n(thresholds.selfConfidence)) (\(basis(low.selfConfidence, mean: summary?.meanSelfConfidence)))")
            }
            if low.entropyConfidence.isEnabled, measured.entropyConfidence < thresholds.entropyConfidence {
                parts.append("1 − normalised entropy \(n(measured.entropyConfidence)) < \(n(thresholds.entropyConfidence)) (\(basis(low.entropyConfidence, mean: summary?.meanEntropyConfidence)); K = \(measured.classCount))")
            }
            if parts.isEmpty { parts.append("margin p1 − p2 = \(n(measured.margin))") }
        } else if let measured = record.detection {
            let lowCount = Int((measured.lowScoreShare * Double(measured.boxCount)).rounded())
            if low.imageBoxThresholdEnabled, measured.lowScoreShare >= 1 - low.imageThreshold {
                parts.append("\(lowCount) of \(measured.boxCount) boxes score ≤ \(n(low.lowScoreBoxThreshold)), share ≥ \(n(1 - low.imageThreshold)) (Sedna IBT)")
            }
            if low.meanScoreEnabled, measured.meanScore < low.meanScoreThreshold {
                parts.append("mean box score \(n(measured.meanScore)) < \(n(low.meanScoreThreshold)) (Sedna Threshold)")
            }
            if low.uncertainBandEnabled, measured.uncertainBoxCount > 0 {
                parts.append("\(measured.uncertainBoxCount) box(es) score in [\(n(low.uncertainBandLower)), \(n(low.uncertainBandUpper))] (HiLens CSF)")
            }
            if parts.isEmpty { parts.append("\(lowCount) of \(measured.boxCount) boxes score ≤ \(n(low.lowScoreBoxThreshold))") }
        }
        return HardReasonDetail(
            reason: 1, score: finding.score, measured: finding.measured, reference: parts.joined(separator: "; "),
            suggestion: HardReason.catalogue[1].suggestion)
    }
}
