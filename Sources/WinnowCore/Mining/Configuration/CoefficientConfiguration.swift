/// How reason scores combine into the hard coefficient.
///
/// Over the reasons counted (``Basis``), with each weight and score clipped to [0, 1], either
/// - ``Combination/noisyOr`` (default): `coefficient = 1 − Π (1 − wᵢ · sᵢ)`, reading each weighted score
///   as an independent chance that the sample is hard; or
/// - ``Combination/evidenceSum``: `coefficient = 1 − exp(−Σ wᵢ · sᵢ)`, reading scores as additive
///   evidence, so agreeing rules outrank a single saturated one.
///
/// Both are 0 with no evidence, never exceed 1, and never decrease when a score or weight rises.
public struct CoefficientConfiguration: Sendable, Hashable, Codable {
    /// How weighted scores combine.
    public enum Combination: String, Sendable, Hashable, Codable {
        /// `1 − Π (1 − wᵢ · sᵢ)`.
        case noisyOr = "noisy_or"
        /// `1 − exp(−Σ wᵢ · sᵢ)`.
        case evidenceSum = "evidence_sum"
    }

    /// Which reason scores count.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// Every evaluated reason's score, fired or not: sub-threshold evidence (a margin just above its
        /// threshold) still ranks samples. Rules score 0 for clearly normal samples.
        case allScores
        /// Only the fired reasons' scores: samples that are not hard get 0.
        case firedReasons
    }

    /// The weight of each reason, indexed by reason code (31 entries). Default 1 for every reason: as in
    /// ModelArts, every reason is a reason to look at a sample, and no reason is known to be worth more
    /// labels than another in general — lower the weight of a reason your data shows to be noisy.
    public var weights: [Double]
    /// Which scores count. Default ``Basis/allScores``.
    public var basis: Basis
    /// How the weighted scores combine. Default ``Combination/noisyOr``.
    public var combination: Combination

    /// The default weights (see ``weights``).
    public static let defaultWeights = [Double](repeating: 1, count: 31)

    /// A configuration with the given values.
    public init(weights: [Double] = Self.defaultWeights, basis: Basis = .allScores, combination: Combination = .noisyOr) {
        self.weights = weights
        self.basis = basis
        self.combination = combination
    }

    /// The weight of `reason`, clipped to [0, 1]; 0 for unknown reasons.
    public func weight(of reason: Int) -> Double {
        guard weights.indices.contains(reason), weights[reason].isFinite else { return 0 }
        return min(1, max(0, weights[reason]))
    }

    /// Decodes a configuration; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        weights = try container.value(.weights, default: Self.defaultWeights)
        basis = try container.value(.basis, default: .allScores)
        combination = try container.value(.combination, default: .noisyOr)
    }
}
