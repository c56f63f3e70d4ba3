/// Fills a budget by a ranking score with diversity: a score-weighted k-center greedy over embeddings
/// (see ``SelectionConfiguration``), so near-duplicates do not both take a place while other candidates
/// remain. The score is the coefficient or, under ``SelectionConfiguration/Ranking/informativeness``,
/// the candidate's informativeness (its coefficient when it has none). Deterministic: ties go to the
/// higher coefficient, then the earlier candidate.
public enum DiverseSelection {
    /// One candidate.
    public struct Candidate: Sendable, Hashable {
        /// The sample's index.
        public var index: Int
        /// Its hard coefficient.
        public var coefficient: Double
        /// Its closeness to the decision boundary (reason 1's score), if known.
        public var informativeness: Double?
        /// Its prepared embedding, if any.
        public var embedding: [Double]?

        /// A candidate with the given parts.
        public init(index: Int, coefficient: Double, informativeness: Double? = nil, embedding: [Double]? = nil) {
            self.index = index
            self.coefficient = coefficient
            self.informativeness = informativeness
            self.embedding = embedding
        }

        /// The score that ranks this candidate under `ranking`.
        public func score(_ ranking: SelectionConfiguration.Ranking) -> Double {
            let value = switch ranking {
            case .coefficient: coefficient
            case .informativeness: informativeness ?? coefficient
            }
            return value.isFinite ? value : 0
        }
    }

    /// The indices of the selected candidates, in the order they were picked.
    /// - Parameters:
    ///   - candidates: the candidates, in any order.
    ///   - budget: how many to pick at most.
    ///   - radius: the diversity radius (distances at or beyond it do not lower a candidate's priority);
    ///     `nil` or no embeddings: strictly by the ranking.
    ///   - poolMultiplier: only the top `poolMultiplier × budget` candidates by the ranking compete.
    ///   - ranking: what ranks the candidates (default the coefficient).
    public static func select(
        _ candidates: [Candidate], budget: Int, radius: Double?, poolMultiplier: Double = 4, ranking: SelectionConfiguration.Ranking = .coefficient
    ) -> [Int] {
        guard budget > 0, !candidates.isEmpty else { return [] }
        let scores = candidates.map { $0.score(ranking) }
        let ranked = candidates.indices.sorted { a, b in
            if scores[a] != scores[b] { return scores[a] > scores[b] }
            if candidates[a].coefficient != candidates[b].coefficient { return candidates[a].coefficient > candidates[b].coefficient }
            return candidates[a].index < candidates[b].index
        }.map { (candidate: candidates[$0], score: scores[$0]) }
        guard let radius, radius.isFinite, radius >= 0, ranked.contains(where: { $0.candidate.embedding != nil }) else {
            return ranked.prefix(budget).map(\.candidate.index)
        }
        let poolSize = min(ranked.count, max(budget, Int((Double(budget) * max(1, poolMultiplier)).rounded(.up))))
        let pool = Array(ranked.prefix(poolSize))
        var nearestPicked = [Double](repeating: .infinity, count: pool.count)
        var picked = [Bool](repeating: false, count: pool.count)
        var selection: [Int] = []
        selection.reserveCapacity(min(budget, pool.count))
        while selection.count < min(budget, pool.count) {
            var best = -1
            var bestPriority = -Double.infinity
            for position in pool.indices where !picked[position] {
                let priority = max(0, pool[position].score) * spacing(nearestPicked[position], radius: radius)
                if priority > bestPriority {
                    best = position
                    bestPriority = priority
                }
            }
            guard best >= 0 else { break }
            picked[best] = true
            selection.append(pool[best].candidate.index)
            guard let chosen = pool[best].candidate.embedding else { continue }
            for position in pool.indices where !picked[position] {
                guard let other = pool[position].candidate.embedding, other.count == chosen.count else { continue }
                nearestPicked[position] = min(nearestPicked[position], EmbeddingSet.distance(chosen, other))
            }
        }
        return selection
    }

    /// `min(1, d / radius)`: 0 for a duplicate of a pick, 1 at or beyond the radius (and without picks).
    static func spacing(_ distance: Double, radius: Double) -> Double {
        guard distance.isFinite else { return 1 }
        guard radius > 0 else { return distance > 0 ? 1 : 0 }
        return min(1, distance / radius)
    }
}
