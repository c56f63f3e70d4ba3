/// Reasons 19–29, augmentation consistency: the model's answer on an augmented copy (blur, flips, crop,
/// scale, translate, shear, superpixels, sharpen, add, invert) against its answer on the original,
/// decided in phase 1 (see ``AugmentationConsistencyConfiguration``).
///
/// Classification fires when the augmented top label differs or the original label's probability drops
/// by more than 0.3; score: the drop, at least 0.5 when the label changed. Detection matches boxes at IoU
/// ≥ 0.5 (greedy) and fires on a lost, new or relabelled box; score: the inconsistent share of boxes.
/// Measured value: the probability drop, or the number of inconsistent boxes.
public struct AugmentationConsistencyRule: HardExampleRule {
    /// The configuration.
    public let configuration: MiningConfiguration

    /// The rule under `configuration`.
    public init(configuration: MiningConfiguration) {
        self.configuration = configuration
    }

    public var reasons: ClosedRange<Int> { 19...29 }
    public var requirements: MiningRequirements { [.prediction, .augmentations] }

    /// The augmentations whose reasons are enabled, in reason order.
    public var enabledKinds: [AugmentationKind] {
        AugmentationKind.allCases.filter { configuration.isEnabled($0.reasonID) }
    }

    public var measuresSamples: Bool { true }

    public func measure(_ sample: MiningSample, prediction: Prediction, into record: inout SampleScores) {
        guard !sample.augmentedPredictions.isEmpty else { return }
        for kind in AugmentationKind.allCases where configuration.isEnabled(kind.reasonID) {
            guard let augmented = sample.augmentedPredictions[kind],
                  let comparison = compare(prediction, augmented, kind: kind)
            else { continue }
            record.augmentations.append(comparison)
        }
    }

    /// Compares the original answer with the augmented one, or `nil` when their kinds differ.
    public func compare(_ original: Prediction, _ augmented: Prediction, kind: AugmentationKind) -> AugmentationComparison? {
        switch (original.content, augmented.content) {
        case (.classification(let before), .classification(let after)):
            let label = before.predictedLabel
            let originalProbability = ClassificationConfidence.score(of: label, in: before.scores)
                ?? ClassificationConfidence(scores: before.scores).top
            let afterTop = ClassificationConfidence(scores: after.scores).topLabel ?? after.predictedLabel
            let augmentedProbability = ClassificationConfidence.score(of: label, in: after.scores) ?? Self.unlistedBound(after.scores)
            let drop = max(0, originalProbability - augmentedProbability)
            let changed = afterTop != label
            let inconsistent = changed || drop > configuration.augmentation.probabilityDrop
            return AugmentationComparison(
                kind: kind, isInconsistent: inconsistent, score: min(1, changed ? max(0.5, drop) : drop), augmentedLabel: afterTop,
                originalProbability: originalProbability, augmentedProbability: augmentedProbability)
        case (.detection(let before), .detection(let after)):
            let settings = configuration.detection
            let boxes = DetectionComparison(
                original: before.objects, other: after.objects, scoreFloor: settings.scoreFloor, iouThreshold: settings.iouThreshold,
                minimumUnmatchedScore: settings.minimumUnmatchedScore)
            return AugmentationComparison(
                kind: kind, isInconsistent: boxes.inconsistentCount >= configuration.augmentation.minimumInconsistentBoxes,
                score: boxes.inconsistency, boxes: boxes)
        default:
            return nil
        }
    }

    /// The most an unlisted class can score in a top-k answer: the last listed score, and no more than
    /// the unlisted mass; 0 for an empty answer.
    static func unlistedBound(_ scores: [ClassScore]) -> Double {
        guard !scores.isEmpty else { return 0 }
        var minimum = Double.infinity
        var sum = 0.0
        for item in scores {
            let score = ClassificationConfidence.sanitised(item.score)
            minimum = min(minimum, score)
            sum += score
        }
        return max(0, min(minimum, 1 - sum))
    }

    public func evaluate(_ evidence: MiningEvidence, in context: MiningContext, into findings: inout ReasonFindings) {
        guard evidence.record.isScored else { return }
        for comparison in evidence.record.augmentations where configuration.isEnabled(comparison.kind.reasonID) {
            let measured: Double = comparison.boxes.map { Double($0.inconsistentCount) }
                ?? max(0, (comparison.originalProbability ?? 0) - (comparison.augmentedProbability ?? 0))
            findings.append(ReasonFinding(reason: comparison.kind.reasonID, fired: comparison.isInconsistent, score: comparison.score, measured: measured))
        }
    }

    public func detail(for finding: ReasonFinding, evidence: MiningEvidence, in context: MiningContext) -> HardReasonDetail {
        let n = MiningText.number
        var reference = "no augmented answer"
        if let comparison = evidence.record.augmentations.first(where: { $0.kind.reasonID == finding.reason }) {
            if let boxes = comparison.boxes {
                reference = "\(comparison.kind.rawValue): boxes matched at IoU ≥ \(n(configuration.detection.iouThreshold)): "
                    + "\(boxes.matched) matched, \(boxes.relabelled) relabelled, \(boxes.lost) lost, \(boxes.added) new"
            } else {
                let label = evidence.record.label.map(MiningText.quoted) ?? "the label"
                reference = "\(comparison.kind.rawValue): top label \(comparison.augmentedLabel.map(MiningText.quoted) ?? "none") (original \(label)); "
                    + "probability of \(label) \(n(comparison.originalProbability ?? 0)) → \(n(comparison.augmentedProbability ?? 0)) "
                    + "(tolerated drop \(n(configuration.augmentation.probabilityDrop)))"
            }
        }
        return HardReasonDetail(
            reason: finding.reason, score: finding.score, measured: finding.measured, reference: reference,
            suggestion: HardReason.withID(finding.reason)?.suggestion)
    }
}
