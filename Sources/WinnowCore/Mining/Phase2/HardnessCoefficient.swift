internal import Foundation

/// The hard coefficient: `1 − Π (1 − wᵢ · sᵢ)` or `1 − exp(−Σ wᵢ · sᵢ)` over the counted reasons (see
/// ``CoefficientConfiguration``), in [0, 1] and monotone in every score and weight.
public enum HardnessCoefficient {
    /// The coefficient of `findings`.
    public static func combine(_ findings: ReasonFindings, configuration: CoefficientConfiguration) -> Double {
        var keep = 1.0
        var evidence = 0.0
        for finding in findings.items where configuration.basis == .allScores || finding.fired {
            let weighted = configuration.weight(of: finding.reason) * min(1, max(0, finding.score.isFinite ? finding.score : 0))
            keep *= 1 - weighted
            evidence += weighted
        }
        switch configuration.combination {
        case .noisyOr: return min(1, max(0, 1 - keep))
        case .evidenceSum: return min(1, max(0, 1 - exp(-evidence)))
        }
    }

    /// The coefficient of `(reason, score)` pairs, all counted.
    public static func combine(_ scores: [(reason: Int, score: Double)], configuration: CoefficientConfiguration) -> Double {
        var findings = ReasonFindings()
        for (reason, score) in scores { findings.append(ReasonFinding(reason: reason, fired: true, score: score)) }
        return combine(findings, configuration: configuration)
    }
}
