/// One image or box feature (reasons 5–18) of a mining run: the whole batch's values and the training
/// reference's, as histograms with the same edges on the scale the drift rule compares on (log for areas
/// and aspect ratios, `log(1 + x)` for sharpness and box counts). The training side is `nil` when the
/// run had no training reference for the feature (it then compared the batch with itself).
public struct FeatureDistribution: Sendable, Hashable, Codable {
    /// The feature's drift reason (5–18).
    public var reason: Int
    /// The feature's name (`brightness`, `box area ratio`, …).
    public var name: String
    /// The scale of the bin edges; ``FeatureScale/inverse(_:)`` gives the feature's own units.
    public var scale: FeatureScale
    /// The batch's values.
    public var batch: FeatureHistogram
    /// The training reference's values (a seeded sample of at most
    /// ``ReferenceConfiguration/maximumValuesPerFeature`` of them), if any.
    public var training: FeatureHistogram?

    /// A distribution with the given parts.
    public init(reason: Int, name: String, scale: FeatureScale, batch: FeatureHistogram, training: FeatureHistogram?) {
        self.reason = reason
        self.name = name
        self.scale = scale
        self.batch = batch
        self.training = training
    }

    /// The distributions of every enabled feature reason of `records` that has a value in the batch or
    /// the training reference, in reason order. Values are taken on each feature's scale, as the
    /// reference stores them; failed records are left out.
    public static func collect(
        _ records: [SampleScores], training: ReferenceStatistics?, configuration: MiningConfiguration,
        bins: Int = FeatureHistogram.defaultBins
    ) -> [FeatureDistribution] {
        var result: [FeatureDistribution] = []
        for kind in ImageFeatureKind.allCases where configuration.isEnabled(kind.reasonID) {
            var values: [Double] = []
            for record in records where record.failure == nil {
                if let features = record.imageFeatures { values.append(kind.scale.transform(kind.value(in: features))) }
            }
            let reference = training?.imageFeatures[kind]?.sortedValues
            if let distribution = make(kind.reasonID, kind.name, kind.scale, values, reference, bins: bins) { result.append(distribution) }
        }
        for kind in BoxFeatureKind.allCases where configuration.isEnabled(kind.reasonID) {
            var values: [Double] = []
            for record in records where record.failure == nil {
                guard let boxes = record.boxes else { continue }
                if kind.isPerBox {
                    for box in boxes.boxes { if let value = box.value(kind) { values.append(kind.scale.transform(value)) } }
                } else if let value = boxes.imageValue(kind) {
                    values.append(kind.scale.transform(value))
                }
            }
            let reference = training?.boxFeatures[kind]?.sortedValues
            if let distribution = make(kind.reasonID, kind.name, kind.scale, values, reference, bins: bins) { result.append(distribution) }
        }
        return result
    }

    private static func make(_ reason: Int, _ name: String, _ scale: FeatureScale, _ batch: [Double], _ training: [Double]?, bins: Int) -> FeatureDistribution? {
        guard let (batchHistogram, trainingHistogram) = FeatureHistogram.paired(batch, training ?? [], bins: bins) else { return nil }
        return FeatureDistribution(
            reason: reason, name: name, scale: scale, batch: batchHistogram,
            training: (training?.isEmpty ?? true) ? nil : trainingHistogram)
    }
}
