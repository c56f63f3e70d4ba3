/// How reason scores combine into the hard coefficient.
///
/// `coefficient = 1 − Π (1 − wᵢ · sᵢ)` over the reasons counted (``Basis``), with each weight and score
/// clipped to [0, 1]: a noisy-OR. It is 0 with no evidence, never exceeds 1, never decreases when a
/// score or weight rises, and one strong reason (`w · s` near 1) is enough to make it near 1 while
/// several moderate reasons add up.
public struct CoefficientConfiguration: Sendable, Hashable, Codable {
    /// Which reason scores count.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// Every evaluated reason's score, fired or not: sub-threshold evidence (a margin just above its
        /// threshold) still ranks samples. Rules score 0 for clearly normal samples.
        case allScores
        /// Only the fired reasons' scores: samples that are not hard get 0.
        case firedReasons
    }

    /// The weight of each reason, indexed by reason code (31 entries).
    ///
    /// Defaults: 1 for reasons 0–1 (the model says it is unsure: the most useful labels); 0.8 for 2 and
    /// 4 (disagreement with similar data); 0.7 for 19–29 (instability); 0.6 for 3; 0.5 for 30; 0.4 for the
    /// drift reasons 5–18 — drifted images are worth showing but, measured, teach the model less per
    /// label than uncertain ones.
    public var weights: [Double]
    /// Which scores count. Default ``Basis/allScores``.
    public var basis: Basis

    /// The default weights (see ``weights``).
    public static let defaultWeights: [Double] = (0...30).map { reason in
        switch reason {
        case 0, 1: 1
        case 2, 4: 0.8
        case 3: 0.6
        case 5...18: 0.4
        case 19...29: 0.7
        default: 0.5
        }
    }

    /// A configuration with the given values.
    public init(weights: [Double] = Self.defaultWeights, basis: Basis = .allScores) {
        self.weights = weights
        self.basis = basis
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
