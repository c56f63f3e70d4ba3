/// Reason 0, no target: a classification answer without a usable label (no scores, only zero or NaN
/// scores, an empty label, a label not among its scores, or a configured background label), or a
/// detection answer without a box at or above the score floor (``DetectionSettings/scoreFloor``,
/// default 0.3). Decided in phase 1; score 1 when it fires, else 0.
public struct NoTargetRule: HardExampleRule {
    /// The configuration.
    public let configuration: MiningConfiguration

    /// The rule under `configuration`.
    public init(configuration: MiningConfiguration) {
        self.configuration = configuration
    }

    public var reasons: ClosedRange<Int> { 0...0 }
    public var requirements: MiningRequirements { .prediction }

    public func evaluate(_ evidence: MiningEvidence, in context: MiningContext, into findings: inout ReasonFindings) {
        guard evidence.record.isScored else { return }
        let fired = evidence.record.noTarget != nil
        let measured = evidence.record.task == .detection ? evidence.record.detection?.maximumScore : evidence.record.classification?.top
        findings.append(ReasonFinding(reason: 0, fired: fired, score: fired ? 1 : 0, measured: measured))
    }

    public func detail(for finding: ReasonFinding, evidence: MiningEvidence, in context: MiningContext) -> HardReasonDetail {
        let record = evidence.record
        let n = MiningText.number
        let label = record.label.map(MiningText.quoted) ?? "none"
        let reference: String = switch record.noTarget {
        case .noScores: "the answer lists no class scores"
        case .noUsableScore: "every listed score is 0 or not a number"
        case .emptyLabel: "the predicted label is empty"
        case .labelNotScored: "the predicted label \(label) is not among the listed scores"
        case .backgroundLabel: "the predicted label \(label) is a background label"
        case .noBoxAboveFloor:
            "no box scores ≥ \(n(configuration.detection.scoreFloor)) (\(record.detection?.totalBoxCount ?? 0) box(es), highest \(n(record.detection?.maximumScore ?? 0)))"
        case nil: "a target was found"
        }
        return HardReasonDetail(reason: 0, score: finding.score, measured: finding.measured, reference: reference, suggestion: HardReason.catalogue[0].suggestion)
    }
}
