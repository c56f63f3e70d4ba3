/// The standard rule set: one rule per reason family, in reason order.
public enum MiningRules {
    /// Every rule with at least one enabled reason under `configuration`.
    public static func standard(_ configuration: MiningConfiguration) -> [any HardExampleRule] {
        let all: [any HardExampleRule] = [
            NoTargetRule(configuration: configuration),
            LowConfidenceRule(configuration: configuration),
            ClusterDisagreementRule(configuration: configuration),
            FarFromClassRule(configuration: configuration),
            TemporalConsistencyRule(configuration: configuration),
            ImageFeatureDriftRule(configuration: configuration),
            BoxFeatureDriftRule(configuration: configuration),
            AugmentationConsistencyRule(configuration: configuration),
            OutlierRule(configuration: configuration),
        ]
        return all.filter { configuration.isAnyEnabled($0.reasons) }
    }

    /// What the enabled rules need together; the engine computes only that.
    public static func requirements(_ configuration: MiningConfiguration) -> MiningRequirements {
        standard(configuration).reduce(into: MiningRequirements.prediction) { $0.formUnion($1.requirements) }
    }
}
