internal import Foundation

/// The confidence measures of one classification answer — top score, margin, normalised entropy —
/// computed in one pass over the scores without allocating.
///
/// Answers often list only the top k classes (ModelArts batch outputs list five). The measures correct
/// for that:
/// - Scores are sanitised first: NaN, infinite and negative values count as 0. If they sum to more than 1 they are
///   divided by their sum.
/// - The mass not listed, `r = 1 − Σ listed`, belongs to the `u = K − listed` unseen classes, where `K` is
///   ``classCount`` when known (the training label set or the model's class list) and otherwise the listed
///   count plus one "other" bucket when `r > 0`. With no unseen class left, the listed scores are
///   renormalised to sum to 1.
/// - **Margin** `p(1) − p(2)`: with two or more listed scores `p(2)` is exact, because every unseen class
///   scores at most the last listed one. With one listed score, `p(2)` is bounded by `min(p(1), r)` and
///   that bound is used (the conservative, harder reading).
/// - **Entropy** spreads `r` evenly over the `u` unseen classes:
///   `H = −Σ p ln p − r ln(r / u)`, normalised by `ln K` (0 when `K < 2`), with `0 ln 0 = 0`.
public struct ClassificationConfidence: Sendable, Hashable {
    /// The highest score `p(1)` after sanitising, in [0, 1].
    public var top: Double
    /// The second score `p(2)` (exact or bounded, see the type's notes), in [0, 1].
    public var second: Double
    /// Normalised entropy `H / ln K` in [0, 1]; 0 when `K < 2`.
    public var normalizedEntropy: Double
    /// The class count `K` used for the entropy.
    public var classCount: Int
    /// How many scores the answer listed.
    public var listedCount: Int
    /// The label with the highest score, or `nil` when there is no usable score.
    public var topLabel: String?

    /// `p(1) − p(2)`, in [0, 1]: the distance to the decision boundary (small is uncertain).
    public var margin: Double { max(0, top - second) }
    /// `1 − p(1)` (least-confidence uncertainty).
    public var leastConfidence: Double { 1 - top }
    /// `1 − H / ln K`: Sedna's CrossEntropy confidence (small is uncertain).
    public var entropyConfidence: Double { 1 - normalizedEntropy }
    /// Whether any score is positive.
    public var isUsable: Bool { top > 0 }

    /// Measures `scores` (in any order).
    /// - Parameters:
    ///   - scores: the listed class scores, possibly only the top k.
    ///   - classCount: the number of classes the model knows, when known.
    public init(scores: [ClassScore], classCount: Int? = nil) {
        var sum = 0.0
        var first = 0.0
        var second = 0.0
        var firstIndex = -1
        for index in scores.indices {
            let score = Self.sanitised(scores[index].score)
            sum += score
            if score > first || (firstIndex < 0 && score >= first) {
                second = first
                first = score
                firstIndex = index
            } else if score > second {
                second = score
            }
        }
        listedCount = scores.count
        guard sum > 0, firstIndex >= 0 else {
            self.top = 0
            self.second = 0
            normalizedEntropy = 1
            self.classCount = max(classCount ?? 0, scores.count)
            topLabel = nil
            return
        }
        let scale = sum > 1 ? 1 / sum : 1
        var remaining = max(0, 1 - sum * scale)
        if remaining < 1e-9 { remaining = 0 }
        var count = max(classCount ?? 0, scores.count)
        if classCount == nil, remaining > 0 { count = scores.count + 1 }
        let unseen = count - scores.count
        var normaliser = scale
        if unseen == 0, remaining > 0 {
            normaliser = 1 / sum
            remaining = 0
        }
        var entropy = 0.0
        for item in scores {
            let p = Self.sanitised(item.score) * normaliser
            if p > 0 { entropy -= p * log(p) }
        }
        if unseen > 0, remaining > 0 {
            entropy -= remaining * log(remaining / Double(unseen))
        }
        top = min(1, first * normaliser)
        if scores.count >= 2 {
            self.second = min(top, second * normaliser)
        } else {
            self.second = min(top, remaining)
        }
        self.classCount = count
        normalizedEntropy = count >= 2 ? min(1, max(0, entropy / log(Double(count)))) : 0
        topLabel = scores[firstIndex].label
    }

    /// A measured answer from stored values (the phase-1 record).
    public init(top: Double, second: Double, normalizedEntropy: Double, classCount: Int, listedCount: Int, topLabel: String?) {
        self.top = top
        self.second = second
        self.normalizedEntropy = normalizedEntropy
        self.classCount = classCount
        self.listedCount = listedCount
        self.topLabel = topLabel
    }

    /// The score of `label` in `scores` after sanitising, or `nil` when the label is not listed.
    public static func score(of label: String, in scores: [ClassScore]) -> Double? {
        for item in scores where item.label == label { return sanitised(item.score) }
        return nil
    }

    @inline(__always)
    static func sanitised(_ score: Double) -> Double {
        score.isFinite && score > 0 ? score : 0
    }
}
