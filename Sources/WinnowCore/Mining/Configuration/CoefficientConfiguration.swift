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

/// Which hard examples to keep when there is a budget.
///
/// Without a budget every hard sample is selected. With one, candidates (hard samples, or all scored
/// samples) are ranked by coefficient and the budget is filled with diversity: a coefficient-weighted
/// k-center greedy over embeddings. The pool is the top `poolMultiplier × budget` candidates; each step
/// picks the candidate maximising `coefficient × min(1, d / radius)`, where `d` is its distance to the
/// nearest sample already picked and `radius = radiusFactor ×` the reference's median nearest-neighbour
/// distance. A near-duplicate of a pick (d ≈ 0) scores ≈ 0, so it is picked only when nothing else is
/// left; beyond the radius, the coefficient alone decides. Samples without an embedding count as
/// distinct. Ties go to the earlier sample.
public struct SelectionConfiguration: Sendable, Hashable, Codable {
    /// The most samples selected. Default `nil` (no limit).
    public var maximumCount: Int?
    /// The most samples selected, as a fraction of the scored samples. Default `nil` (no limit). With
    /// both limits set, the smaller wins.
    public var maximumFraction: Double?
    /// Whether samples no rule fired for may fill the budget. Default off.
    public var includesNonHard: Bool
    /// Whether the budget is filled with diversity (else strictly by coefficient). Default on.
    public var diversity: Bool
    /// The pool considered, as a multiple of the budget. Default 4.
    public var poolMultiplier: Double
    /// The diversity radius, as a multiple of the reference's median nearest-neighbour distance.
    /// Default 1.
    public var radiusFactor: Double

    /// A configuration with the given values.
    public init(
        maximumCount: Int? = nil, maximumFraction: Double? = nil, includesNonHard: Bool = false, diversity: Bool = true,
        poolMultiplier: Double = 4, radiusFactor: Double = 1
    ) {
        self.maximumCount = maximumCount
        self.maximumFraction = maximumFraction
        self.includesNonHard = includesNonHard
        self.diversity = diversity
        self.poolMultiplier = poolMultiplier
        self.radiusFactor = radiusFactor
    }

    /// The budget for `scoredCount` samples, or `nil` without a limit.
    public func budget(scoredCount: Int) -> Int? {
        var limit: Int?
        if let maximumCount { limit = max(0, maximumCount) }
        if let maximumFraction, maximumFraction.isFinite {
            let count = Int((min(1, max(0, maximumFraction)) * Double(scoredCount)).rounded(.down))
            limit = min(limit ?? count, count)
        }
        return limit
    }

    /// Decodes a configuration; missing keys take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        maximumCount = try container.value(.maximumCount, default: nil as Int?)
        maximumFraction = try container.value(.maximumFraction, default: nil as Double?)
        includesNonHard = try container.value(.includesNonHard, default: defaults.includesNonHard)
        diversity = try container.value(.diversity, default: defaults.diversity)
        poolMultiplier = try container.value(.poolMultiplier, default: defaults.poolMultiplier)
        radiusFactor = try container.value(.radiusFactor, default: defaults.radiusFactor)
    }
}
