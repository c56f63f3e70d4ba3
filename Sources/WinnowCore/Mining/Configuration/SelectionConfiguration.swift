/// Which hard examples to keep when there is a budget, and in what order the budget is filled.
///
/// Without a budget every hard sample is selected. With one, candidates (hard samples, or all scored
/// samples) are ranked (``Ranking``) and the budget is filled in that order or, with ``diversity``, by a
/// score-weighted k-center greedy over embeddings. The pool is the top `poolMultiplier × budget` candidates; each step picks the
/// candidate maximising `score × min(1, d / radius)`, where `score` is its ranking score, `d` its distance
/// to the nearest sample already picked and `radius = radiusFactor ×` the reference's median
/// nearest-neighbour distance. A near-duplicate of a pick (d ≈ 0) scores ≈ 0, so it is picked only when
/// nothing else is left; beyond the radius, the ranking alone decides. Samples without an embedding count
/// as distinct. Ties go to the higher coefficient, then the earlier sample. The ranking changes only the
/// order in which the budget is filled: every selected sample keeps its fired reasons and explanations.
public struct SelectionConfiguration: Sendable, Hashable, Codable {
    /// What ranks the candidates for a budget.
    public enum Ranking: String, Sendable, Hashable, Codable, CaseIterable {
        /// The hard coefficient: the more (and the stronger) the reasons, the earlier — what ModelArts'
        /// hard-example filtering shows first.
        case coefficient
        /// Closeness to the decision boundary, for accuracy per label (the default): reason 1's score
        /// (classification `1 − (p1 − p2)`; detection its low-confidence score), the coefficient where a
        /// sample has none (reason 1 disabled, no target) and on ties.
        case informativeness

        /// Decodes a ranking, naming the accepted values when the text is none of them.
        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let ranking = Self(rawValue: text) else {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "unknown ranking \"\(text)\"; expected \(Self.allCases.map(\.rawValue).joined(separator: " or "))"))
            }
            self = ranking
        }
    }

    /// The most samples selected. Default `nil` (no limit).
    public var maximumCount: Int?
    /// The most samples selected, as a fraction of the scored samples. Default `nil` (no limit). With
    /// both limits set, the smaller wins.
    public var maximumFraction: Double?
    /// Whether samples no rule fired for may fill the budget. Default off.
    public var includesNonHard: Bool
    /// What ranks the candidates. Default ``Ranking/informativeness``: on the label-efficiency
    /// evaluation's validation split it bought the most accuracy per label of the rankings that keep every
    /// reason (BENCHMARKS.md, "Label efficiency").
    public var ranking: Ranking
    /// Whether the budget is filled with diversity (else strictly by the ranking). Default off: on the
    /// same validation split the k-center step cost accuracy under the informativeness ranking.
    public var diversity: Bool
    /// The pool considered, as a multiple of the budget. Default 4.
    public var poolMultiplier: Double
    /// The diversity radius, as a multiple of the reference's median nearest-neighbour distance.
    /// Default 1.
    public var radiusFactor: Double

    /// The default ranking (see ``ranking``).
    public static let defaultRanking = Ranking.informativeness
    /// The default of ``diversity``.
    public static let defaultDiversity = false

    /// A configuration with the given values.
    public init(
        maximumCount: Int? = nil, maximumFraction: Double? = nil, includesNonHard: Bool = false, ranking: Ranking = Self.defaultRanking,
        diversity: Bool = Self.defaultDiversity, poolMultiplier: Double = 4, radiusFactor: Double = 1
    ) {
        self.maximumCount = maximumCount
        self.maximumFraction = maximumFraction
        self.includesNonHard = includesNonHard
        self.ranking = ranking
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
        ranking = try container.value(.ranking, default: defaults.ranking)
        diversity = try container.value(.diversity, default: defaults.diversity)
        poolMultiplier = try container.value(.poolMultiplier, default: defaults.poolMultiplier)
        radiusFactor = try container.value(.radiusFactor, default: defaults.radiusFactor)
    }
}
