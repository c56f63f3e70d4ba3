/// Reasons 11–18, box feature drift (detection): box count and area-ratio spread per image; aspect
/// ratio, area ratio, marginalization, brightness, sharpness and overlap per box — each against the
/// reference's boxes (the training set's VOC boxes, else the batch's predicted boxes), with
/// ``MiningConfiguration/boxDrift`` (default outside p1–p99 with |modified z| ≥ 3.5). A per-box feature
/// reports its most extreme box. Only boxes at or above the score floor count; images without a target
/// are left to reason 0. Score: how far outside; measured value: the feature (of that box).
public struct BoxFeatureDriftRule: HardExampleRule {
    /// The configuration.
    public let configuration: MiningConfiguration

    /// The rule under `configuration`.
    public init(configuration: MiningConfiguration) {
        self.configuration = configuration
    }

    public var reasons: ClosedRange<Int> { 11...18 }

    public var requirements: MiningRequirements {
        var needs: MiningRequirements = [.prediction, .imageSize, .trainingStatistics]
        if configuration.isEnabled(16) || configuration.isEnabled(17) { needs.insert(.boxPixels) }
        return needs
    }

    public var measuresSamples: Bool { true }

    public func measure(_ sample: MiningSample, prediction: Prediction, into record: inout SampleScores) {
        guard case .detection(let detection) = prediction.content else { return }
        let floor = configuration.detection.scoreFloor
        var boxes: [BoundingBox] = []
        var pixels: [BoxPixelFeatures?] = []
        for (index, object) in detection.objects.enumerated() where object.score >= floor {
            boxes.append(object.boundingBox)
            pixels.append(sample.boxPixels.flatMap { index < $0.count ? $0[index] : nil })
        }
        record.boxes = BoxMeasurements(boxes: boxes, imageSize: sample.knownImageSize, pixels: sample.boxPixels == nil ? nil : pixels)
    }

    /// The measurement of one feature of the sample (the most extreme box for per-box features), with the
    /// box's position among the counted boxes and the reference origin.
    public func measurement(_ kind: BoxFeatureKind, _ record: SampleScores, in context: MiningContext) -> (DriftMeasurement, box: Int?, ReferenceOrigin)? {
        guard let boxes = record.boxes, let (distribution, origin) = context.distribution(kind) else { return nil }
        guard kind.isPerBox else {
            guard let value = boxes.imageValue(kind),
                  let measured = DriftMeasurement(value, against: distribution, scale: kind.scale, range: configuration.boxDrift)
            else { return nil }
            return (measured, nil, origin)
        }
        var best: (DriftMeasurement, Int)?
        for (index, box) in boxes.boxes.enumerated() {
            guard let value = box.value(kind),
                  let measured = DriftMeasurement(value, against: distribution, scale: kind.scale, range: configuration.boxDrift)
            else { continue }
            if let current = best {
                let better = (measured.isFar && !current.0.isFar) || (measured.isFar == current.0.isFar && measured.excess > current.0.excess)
                if better { best = (measured, index) }
            } else {
                best = (measured, index)
            }
        }
        guard let best else { return nil }
        return (best.0, best.1, origin)
    }

    public func evaluate(_ evidence: MiningEvidence, in context: MiningContext, into findings: inout ReasonFindings) {
        let record = evidence.record
        guard record.isScored, record.task == .detection, record.noTarget == nil else { return }
        for kind in BoxFeatureKind.allCases where configuration.isEnabled(kind.reasonID) {
            guard let (measured, _, _) = measurement(kind, record, in: context) else { continue }
            findings.append(ReasonFinding(reason: kind.reasonID, fired: measured.isFar, score: measured.score, measured: measured.value))
        }
    }

    public func detail(for finding: ReasonFinding, evidence: MiningEvidence, in context: MiningContext) -> HardReasonDetail {
        var reference = "no reference distribution"
        if let kind = BoxFeatureKind(rawValue: finding.reason), let (measured, box, origin) = measurement(kind, evidence.record, in: context) {
            let which = box.map { "box \($0 + 1) of \(evidence.record.boxes?.count ?? 0): " } ?? ""
            reference = "\(which)\(kind.name) \(MiningText.number(measured.value)); \(origin.rawValue) " + DriftText.band(measured, range: configuration.boxDrift)
        }
        return HardReasonDetail(
            reason: finding.reason, score: finding.score, measured: finding.measured, reference: reference,
            suggestion: HardReason.withID(finding.reason)?.suggestion)
    }
}
