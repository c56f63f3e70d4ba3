import Foundation
import Testing
import WinnowCore

@Suite struct ClassificationConfidenceTests {
    private func scores(_ values: [Double]) -> [ClassScore] {
        values.enumerated().map { ClassScore(label: "c\($0.offset)", score: $0.element) }
    }

    @Test func fullDistributionGivesMarginLeastConfidenceAndEntropy() {
        let measured = ClassificationConfidence(scores: scores([0.7, 0.2, 0.1]), classCount: 3)
        #expect(abs(measured.margin - 0.5) < 1e-12)
        #expect(abs(measured.leastConfidence - 0.3) < 1e-12)
        // H = −(0.7 ln 0.7 + 0.2 ln 0.2 + 0.1 ln 0.1) / ln 3 = 0.729847
        #expect(abs(measured.normalizedEntropy - 0.7298466991620974) < 1e-12)
        #expect(abs(measured.entropyConfidence - 0.2701533008379026) < 1e-12)
        #expect(measured.topLabel == "c0")
    }

    @Test func orderOfTheListDoesNotMatter() {
        let measured = ClassificationConfidence(scores: scores([0.1, 0.7, 0.2]), classCount: 3)
        #expect(abs(measured.margin - 0.5) < 1e-12)
        #expect(measured.topLabel == "c1")
    }

    @Test func truncatedTopKSpreadsTheRestOverUnseenClasses() {
        // Top 2 of 5 classes: the remaining 0.1 is spread over 3 unseen classes (0.0333 each).
        let measured = ClassificationConfidence(scores: scores([0.6, 0.3]), classCount: 5)
        let expected = -(0.6 * log(0.6) + 0.3 * log(0.3) + 0.1 * log(0.1 / 3)) / log(5.0)
        #expect(abs(measured.normalizedEntropy - expected) < 1e-12)
        #expect(abs(measured.normalizedEntropy - 0.626185667640569) < 1e-12)
        // Unseen classes score at most the last listed one, so the margin is exact.
        #expect(abs(measured.margin - 0.3) < 1e-12)
        #expect(measured.classCount == 5)
    }

    @Test func unknownClassCountCountsTheRestAsOneClass() {
        let measured = ClassificationConfidence(scores: scores([0.6, 0.3]))
        #expect(measured.classCount == 3)
        #expect(abs(measured.normalizedEntropy - 0.81734542214651) < 1e-12)
    }

    @Test func aSingleListedScoreBoundsTheSecondByTheRest() {
        let measured = ClassificationConfidence(scores: scores([0.6]), classCount: 10)
        #expect(abs(measured.second - 0.4) < 1e-12)
        #expect(abs(measured.margin - 0.2) < 1e-12)
        let certain = ClassificationConfidence(scores: scores([1]), classCount: 1)
        #expect(certain.margin == 1)
        #expect(certain.normalizedEntropy == 0)
    }

    @Test func scoresAboveOneInTotalAreRenormalised() {
        let measured = ClassificationConfidence(scores: scores([0.8, 0.4]))
        #expect(abs(measured.top - 2.0 / 3) < 1e-12)
        #expect(abs(measured.margin - 1.0 / 3) < 1e-12)
    }

    @Test func oddScoresNeverCrash() {
        // NaN, negative and infinite scores count as 0; with every class listed, the rest renormalises.
        let withNaN = ClassificationConfidence(scores: scores([.nan, 0.5, -1, .infinity]), classCount: 4)
        #expect(withNaN.top == 1)
        #expect(withNaN.topLabel == "c1")
        #expect(withNaN.normalizedEntropy.isFinite)
        let empty = ClassificationConfidence(scores: [])
        #expect(!empty.isUsable)
        #expect(empty.topLabel == nil)
        let zeros = ClassificationConfidence(scores: scores([0, 0]))
        #expect(!zeros.isUsable)
        let tie = ClassificationConfidence(scores: scores([0.5, 0.5]))
        #expect(tie.margin == 0)
        #expect(tie.normalizedEntropy == 1)
    }
}
