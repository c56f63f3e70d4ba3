import Testing
import Foundation
import WinnowCore

@Suite struct SelectionTests {
    private let candidates = [
        DiverseSelection.Candidate(index: 0, coefficient: 0.9, embedding: [0, 0]),
        DiverseSelection.Candidate(index: 1, coefficient: 0.89, embedding: [0.001, 0]),
        DiverseSelection.Candidate(index: 2, coefficient: 0.5, embedding: [1, 0]),
        DiverseSelection.Candidate(index: 3, coefficient: 0.4, embedding: [0, 1]),
    ]

    @Test func nearDuplicatesDoNotBothTakeASmallBudget() {
        // After 0, its near-duplicate 1 scores 0.89 × 0.001 / 0.5 ≈ 0.002 against 2's 0.5.
        #expect(DiverseSelection.select(candidates, budget: 2, radius: 0.5) == [0, 2])
        #expect(DiverseSelection.select(candidates, budget: 4, radius: 0.5) == [0, 2, 3, 1])
        // Strictly by coefficient without a radius.
        #expect(DiverseSelection.select(candidates, budget: 2, radius: nil) == [0, 1])
        #expect(DiverseSelection.select(candidates, budget: 0, radius: 0.5).isEmpty)
    }

    @Test func thePoolLimitsHowFarDiversityReaches() {
        // With a pool of 1 × budget, only the top two compete.
        #expect(DiverseSelection.select(candidates, budget: 2, radius: 0.5, poolMultiplier: 1) == [0, 1])
    }

    @Test func candidatesWithoutEmbeddingsCountAsDistinct() {
        let mixed = [
            DiverseSelection.Candidate(index: 5, coefficient: 0.7),
            DiverseSelection.Candidate(index: 6, coefficient: 0.9, embedding: [0, 0]),
            DiverseSelection.Candidate(index: 7, coefficient: 0.8, embedding: [0, 0]),
        ]
        #expect(DiverseSelection.select(mixed, budget: 2, radius: 1) == [6, 5])
    }

    /// Coefficients and informativeness disagree on purpose: 10 has the most reasons, 13 sits nearest
    /// the decision boundary; 14 has no reason-1 score and ranks by its coefficient (0.75, between 13 and
    /// the 0.70s); 11 and 12 tie on informativeness and go by coefficient.
    private let boundary = [
        DiverseSelection.Candidate(index: 10, coefficient: 0.99, informativeness: 0.30),
        DiverseSelection.Candidate(index: 11, coefficient: 0.60, informativeness: 0.70),
        DiverseSelection.Candidate(index: 12, coefficient: 0.80, informativeness: 0.70),
        DiverseSelection.Candidate(index: 13, coefficient: 0.50, informativeness: 0.95),
        DiverseSelection.Candidate(index: 14, coefficient: 0.75),
    ]

    @Test func informativenessRanksByClosenessToTheBoundaryThenCoefficient() {
        #expect(DiverseSelection.select(boundary, budget: 5, radius: nil, ranking: .informativeness) == [13, 14, 12, 11, 10])
        #expect(DiverseSelection.select(boundary, budget: 3, radius: nil, ranking: .informativeness) == [13, 14, 12])
        // The same candidates by coefficient, as before.
        #expect(DiverseSelection.select(boundary, budget: 5, radius: nil) == [10, 12, 14, 11, 13])
        #expect(DiverseSelection.select(boundary, budget: 5, radius: nil, ranking: .coefficient) == [10, 12, 14, 11, 13])
        // The pool is taken by the ranking: with a pool of 1 × budget only 13 and 14 compete.
        #expect(DiverseSelection.select(boundary, budget: 2, radius: 10, poolMultiplier: 1, ranking: .informativeness) == [13, 14])
    }

    @Test func diversityStillSkipsNearDuplicatesUnderInformativeness() {
        let candidates = [
            DiverseSelection.Candidate(index: 0, coefficient: 0.2, informativeness: 0.9, embedding: [0, 0]),
            DiverseSelection.Candidate(index: 1, coefficient: 0.9, informativeness: 0.89, embedding: [0.001, 0]),
            DiverseSelection.Candidate(index: 2, coefficient: 0.1, informativeness: 0.5, embedding: [1, 0]),
            DiverseSelection.Candidate(index: 3, coefficient: 0.95, informativeness: 0.4, embedding: [0, 1]),
        ]
        // After 0, its near-duplicate 1 scores 0.89 × 0.001 / 0.5 ≈ 0.002 against 2's 0.5.
        #expect(DiverseSelection.select(candidates, budget: 2, radius: 0.5, ranking: .informativeness) == [0, 2])
        #expect(DiverseSelection.select(candidates, budget: 4, radius: 0.5, ranking: .informativeness) == [0, 2, 3, 1])
        #expect(DiverseSelection.select(candidates, budget: 2, radius: nil, ranking: .informativeness) == [0, 1])
        // By coefficient the same radius keeps 3 and 1 (not near each other).
        #expect(DiverseSelection.select(candidates, budget: 2, radius: 0.5) == [3, 1])
    }

    @Test func coefficientIsANoisyOr() {
        let weights = CoefficientConfiguration(weights: Array(repeating: 1, count: 31))
        #expect(abs(HardnessCoefficient.combine([(1, 0.5), (7, 0.5)], configuration: weights) - 0.75) < 1e-12)
        // Default weights are all 1: 1 − (1 − 0.8)(1 − 0.5) = 0.9; a lower weight counts less.
        #expect(abs(HardnessCoefficient.combine([(1, 0.8), (7, 0.5)], configuration: CoefficientConfiguration()) - 0.9) < 1e-12)
        var halfDrift = CoefficientConfiguration()
        halfDrift.weights[7] = 0.4
        #expect(abs(HardnessCoefficient.combine([(1, 0.8), (7, 0.5)], configuration: halfDrift) - 0.84) < 1e-12)
        #expect(HardnessCoefficient.combine([], configuration: weights) == 0)
        #expect(HardnessCoefficient.combine([(0, 1)], configuration: weights) == 1)
    }

    @Test func evidenceSumLetsAgreeingReasonsOutrankOneSaturatedReason() {
        let evidence = CoefficientConfiguration(combination: .evidenceSum)
        let single = HardnessCoefficient.combine([(1, 0.95)], configuration: evidence)
        let agreeing = HardnessCoefficient.combine([(5, 0.6), (6, 0.6)], configuration: evidence)
        #expect(abs(single - (1 - Foundation.exp(-0.95))) < 1e-12)
        #expect(agreeing > single)
        // Under the noisy-OR the single saturated reason wins.
        let noisy = CoefficientConfiguration()
        #expect(HardnessCoefficient.combine([(1, 0.95)], configuration: noisy) > HardnessCoefficient.combine([(5, 0.6), (6, 0.6)], configuration: noisy))
        #expect(HardnessCoefficient.combine([], configuration: evidence) == 0)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func coefficientIsMonotoneInEveryScore(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let configuration = CoefficientConfiguration()
        for _ in 0..<200 {
            let reasons = Array((0...30).shuffled(using: &generator).prefix(Int.random(in: 1...6, using: &generator)))
            let scores = reasons.map { (reason: $0, score: Double.random(in: 0...1, using: &generator)) }
            let base = HardnessCoefficient.combine(scores, configuration: configuration)
            #expect((0...1).contains(base))
            let bumped = Int.random(in: 0..<scores.count, using: &generator)
            var higher = scores
            higher[bumped].score = min(1, higher[bumped].score + Double.random(in: 0...0.5, using: &generator))
            #expect(HardnessCoefficient.combine(higher, configuration: configuration) >= base)
        }
    }

    @Test func budgetTakesTheSmallerOfCountAndFraction() {
        #expect(SelectionConfiguration(maximumCount: 10, maximumFraction: 0.05).budget(scoredCount: 100) == 5)
        #expect(SelectionConfiguration(maximumCount: 3).budget(scoredCount: 100) == 3)
        #expect(SelectionConfiguration().budget(scoredCount: 100) == nil)
    }

    /// Forty samples: margins rise with the index; embeddings in four tight groups of ten consecutive
    /// indices (one-hot direction per group, a small offset per sample).
    private func samples() -> [MiningSample] {
        (0..<40).map { index in
            let top = 0.5 + 0.012 * Double(index)
            var embedding = [0.0, 0, 0, 0, 0.001 * Double(index)]
            embedding[index / 10] = 1
            return MiningSample(
                index: index, source: "img\(index).png",
                outcome: .prediction(MiningFixtures.classification([("a", top), ("b", 1 - top)])), embedding: embedding)
        }
    }

    @Test func sameInputsAndSeedGiveTheSameSelectionInAnyOrder() {
        var configuration = MiningConfiguration.only([0, 1, 30])
        configuration.lowConfidence.margin.fixed = 0.9
        configuration.selection.maximumCount = 4
        configuration.selection.ranking = .coefficient
        configuration.selection.diversity = true
        configuration.selection.poolMultiplier = 10
        // The batch's median nearest-neighbour distance is the tiny in-group spacing; widen the radius so
        // the groups, not the samples, are what must differ.
        configuration.selection.radiusFactor = 100
        let phase1 = MiningPhase1(configuration: configuration)
        var forward = MiningPhase2(configuration: configuration)
        var backward = MiningPhase2(configuration: configuration)
        let records = samples().map(phase1.score)
        forward.add(contentsOf: records)
        backward.add(contentsOf: records.reversed())
        let first = forward.finish()
        let second = backward.finish()
        #expect(first == second)
        #expect(first == MiningFixtures.mine(samples(), configuration: configuration))
        // Diversity: the best sample of each group, not the four near-duplicates of group 0.
        #expect(first.selection == [0, 10, 20, 30])
        #expect(first.samples.filter(\.isSelected).map(\.index) == [0, 10, 20, 30])
        configuration.selection.diversity = false
        #expect(MiningFixtures.mine(samples(), configuration: configuration).selection == [0, 1, 2, 3])
    }

    /// Informativeness changes the order the budget is filled in, not what a pick says. Reason 1's weight
    /// is 0 here, so every coefficient is 0 and only reason 1's score tells the samples apart.
    @Test func informativenessPicksTheSmallestMarginsAndKeepsTheirExplanations() {
        let tops = [0.95, 0.55, 0.90, 0.52, 0.70, 0.60]
        let samples = tops.enumerated().map { index, top in
            MiningSample(index: index, source: "img\(index).png", outcome: .prediction(MiningFixtures.classification([("a", top), ("b", 1 - top)])))
        }
        var configuration = MiningConfiguration.only([0, 1])
        configuration.lowConfidence.margin.fixed = 1  // every sample is hard by reason 1
        configuration.selection.maximumCount = 3
        configuration.coefficient.weights[1] = 0
        configuration.selection.ranking = .informativeness
        let result = MiningFixtures.mine(samples, configuration: configuration)
        // Margins 2·top − 1: 0.04 (3), 0.1 (1), 0.2 (5) are the three smallest.
        #expect(result.selection == [3, 1, 5])
        for index in result.selection {
            let info = result.sample(index)?.info
            #expect(info?.reasons == [1])
            #expect(info?.details.first?.reason == 1)
            let reference = info?.details.first?.reference ?? ""
            #expect(reference.contains("margin p1 − p2"), "\(reference)")
        }
        configuration.selection.ranking = .coefficient
        // By coefficient all tie at 0: the earliest three.
        #expect(MiningFixtures.mine(samples, configuration: configuration).selection == [0, 1, 2])
    }
}
