/// The hard coefficient: `1 − Π (1 − wᵢ · sᵢ)` over the counted reasons (see
/// ``CoefficientConfiguration``), in [0, 1] and monotone in every score and weight.
public enum HardnessCoefficient {
    /// The coefficient of `findings`.
    public static func combine(_ findings: ReasonFindings, configuration: CoefficientConfiguration) -> Double {
        var keep = 1.0
        for finding in findings.items where configuration.basis == .allScores || finding.fired {
            keep *= 1 - configuration.weight(of: finding.reason) * finding.score
        }
        return min(1, max(0, 1 - keep))
    }

    /// The coefficient of `(reason, score)` pairs, all counted.
    public static func combine(_ scores: [(reason: Int, score: Double)], configuration: CoefficientConfiguration) -> Double {
        var findings = ReasonFindings()
        for (reason, score) in scores { findings.append(ReasonFinding(reason: reason, fired: true, score: score)) }
        return combine(findings, configuration: configuration)
    }
}
