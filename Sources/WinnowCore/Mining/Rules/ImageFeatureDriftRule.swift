/// Reasons 5–10, image feature drift: resolution (area), aspect ratio, brightness, saturation,
/// colorfulness and sharpness each against the reference distribution of that feature
/// (``MiningConfiguration/imageDrift``, default outside p1–p99 with |modified z| ≥ 3.5; area and aspect on
/// a log scale, sharpness on `log(1 + x)`). Score: how far outside (``DriftMeasurement``); measured value:
/// the feature.
public struct ImageFeatureDriftRule: HardExampleRule {
    /// The configuration.
    public let configuration: MiningConfiguration

    /// The rule under `configuration`.
    public init(configuration: MiningConfiguration) {
        self.configuration = configuration
    }

    public var reasons: ClosedRange<Int> { 5...10 }
    public var requirements: MiningRequirements { [.imageFeatures, .trainingStatistics] }

    /// The measurement of one feature of the sample, with the reference origin.
    public func measurement(_ kind: ImageFeatureKind, _ record: SampleScores, in context: MiningContext) -> (DriftMeasurement, ReferenceOrigin)? {
        guard let features = record.imageFeatures, let (distribution, origin) = context.distribution(kind),
              let measured = DriftMeasurement(kind.value(in: features), against: distribution, scale: kind.scale, range: configuration.imageDrift)
        else { return nil }
        return (measured, origin)
    }

    public func evaluate(_ evidence: MiningEvidence, in context: MiningContext, into findings: inout ReasonFindings) {
        guard evidence.record.isScored else { return }
        for kind in ImageFeatureKind.allCases where configuration.isEnabled(kind.reasonID) {
            guard let (measured, _) = measurement(kind, evidence.record, in: context) else { continue }
            findings.append(ReasonFinding(reason: kind.reasonID, fired: measured.isFar, score: measured.score, measured: measured.value))
        }
    }

    public func detail(for finding: ReasonFinding, evidence: MiningEvidence, in context: MiningContext) -> HardReasonDetail {
        var reference = "no reference distribution"
        if let kind = ImageFeatureKind(rawValue: finding.reason), let (measured, origin) = measurement(kind, evidence.record, in: context) {
            reference = "\(kind.name) \(MiningText.number(measured.value)); \(origin.rawValue) " + DriftText.band(measured, range: configuration.imageDrift)
        }
        return HardReasonDetail(
            reason: finding.reason, score: finding.score, measured: finding.measured, reference: reference,
            suggestion: HardReason.withID(finding.reason)?.suggestion)
    }
}
