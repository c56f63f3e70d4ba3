internal import Foundation

/// KubeEdge Sedna's hard-example filters and Huawei HiLens' confidence-score filter, with their exact
/// published semantics (`hard_example_mining.py`; HiLens `HardSample`), for compatibility and tests.
///
/// Each returns whether the input is hard. Invalid input is *not* hard, as in Sedna. The mining rules use
/// the same formulas through ``DetectionConfidence`` and ``ClassificationConfidence``, over boxes above a
/// score floor and with truncated score lists corrected.
public enum SednaFilters {
    /// Sedna `CrossEntropyFilter` confidence `1 + Σ p ln p / ln K` (1 − normalised entropy), with
    /// `0 ln 0 = 0` and a guard for `K = 1` (Sedna divides by `ln 1 = 0`; here one class is certain: 1).
    ///
    /// Returns `nil` for input Sedna rejects: an empty vector or any probability outside [0, 1] (NaN too).
    public static func crossEntropyConfidence(_ probabilities: [Double]) -> Double? {
        guard !probabilities.isEmpty else { return nil }
        var sum = 0.0
        for p in probabilities {
            guard p >= 0, p <= 1 else { return nil }
            if p > 0 { sum += p * log(p) }
        }
        guard probabilities.count > 1 else { return 1 }
        return 1 + sum / log(Double(probabilities.count))
    }

    /// Sedna `CrossEntropyFilter`: hard when ``crossEntropyConfidence(_:)`` is below `threshold`
    /// (default 0.5); invalid input is not hard.
    public static func isHardByCrossEntropy(_ probabilities: [Double], threshold: Double = 0.5) -> Bool {
        guard let confidence = crossEntropyConfidence(probabilities) else { return false }
        return confidence < threshold
    }

    /// Sedna `IBTFilter` ratio: the share of boxes whose score is ≤ `boxThreshold`, or `nil` for an empty
    /// list or a score outside [0, 1].
    public static func imageBoxRatio(_ scores: [Double], boxThreshold: Double = 0.5) -> Double? {
        guard !scores.isEmpty else { return nil }
        var low = 0
        for score in scores {
            guard score >= 0, score <= 1 else { return nil }
            if score <= boxThreshold { low += 1 }
        }
        return Double(low) / Double(scores.count)
    }

    /// Sedna `IBTFilter` (Sedna's default filter): hard when ``imageBoxRatio(_:boxThreshold:)`` ≥
    /// `1 − imageThreshold`. Defaults 0.5 / 0.5; empty or invalid input is not hard.
    public static func isHardByImageBoxThreshold(_ scores: [Double], imageThreshold: Double = 0.5, boxThreshold: Double = 0.5) -> Bool {
        guard let ratio = imageBoxRatio(scores, boxThreshold: boxThreshold) else { return false }
        return ratio >= 1 - imageThreshold
    }

    /// Sedna `ThresholdFilter`: hard when the mean box score is below `threshold` (default 0.5); an empty
    /// list or a non-finite score is not hard.
    public static func isHardByMeanScore(_ scores: [Double], threshold: Double = 0.5) -> Bool {
        guard !scores.isEmpty, scores.allSatisfy(\.isFinite) else { return false }
        return scores.reduce(0, +) / Double(scores.count) < threshold
    }

    /// HiLens CSF (`filter_type` 2): hard when any box score lies in `[low, up]`.
    public static func isHardByConfidenceBand(_ scores: [Double], low: Double, up: Double) -> Bool {
        scores.contains { $0 >= low && $0 <= up }
    }
}
