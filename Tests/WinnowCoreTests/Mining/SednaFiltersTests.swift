import Foundation
import Testing
import WinnowCore

@Suite struct SednaFiltersTests {
    @Test func crossEntropyConfidenceIsOneMinusNormalisedEntropy() throws {
        #expect(try #require(SednaFilters.crossEntropyConfidence([0.5, 0.5])) == 0)
        // 0 ln 0 = 0: a one-hot vector is fully confident.
        #expect(try #require(SednaFilters.crossEntropyConfidence([1, 0, 0])) == 1)
        let value = try #require(SednaFilters.crossEntropyConfidence([0.7, 0.2, 0.1]))
        #expect(abs(value - (1 + (0.7 * log(0.7) + 0.2 * log(0.2) + 0.1 * log(0.1)) / log(3.0))) < 1e-12)
        #expect(abs(value - 0.2701533008379026) < 1e-12)
        #expect(SednaFilters.isHardByCrossEntropy([0.7, 0.2, 0.1]))
        #expect(!SednaFilters.isHardByCrossEntropy([0.95, 0.05]))
    }

    @Test func crossEntropyGuardsOneClassAndRejectsInvalidInput() {
        // Sedna divides by ln 1 = 0 here; one class is certain.
        #expect(SednaFilters.crossEntropyConfidence([1]) == 1)
        #expect(!SednaFilters.isHardByCrossEntropy([1]))
        #expect(SednaFilters.crossEntropyConfidence([]) == nil)
        #expect(SednaFilters.crossEntropyConfidence([1.2, -0.2]) == nil)
        #expect(SednaFilters.crossEntropyConfidence([.nan, 0.5]) == nil)
        #expect(!SednaFilters.isHardByCrossEntropy([1.2, -0.2]))
    }

    @Test func imageBoxThresholdCountsScoresAtOrBelowTheBoxThreshold() {
        // 2 of 4 boxes ≤ 0.5: ratio 0.5 ≥ 1 − 0.5.
        #expect(SednaFilters.imageBoxRatio([0.9, 0.4, 0.3, 0.8]) == 0.5)
        #expect(SednaFilters.isHardByImageBoxThreshold([0.9, 0.4, 0.3, 0.8]))
        #expect(SednaFilters.isHardByImageBoxThreshold([0.9, 0.5]))
        #expect(!SednaFilters.isHardByImageBoxThreshold([0.9, 0.8, 0.4]))
        // threshold_img 0.9 needs a ratio ≥ 0.1.
        #expect(SednaFilters.isHardByImageBoxThreshold([0.9, 0.8, 0.4], imageThreshold: 0.9))
        #expect(!SednaFilters.isHardByImageBoxThreshold([]))
        #expect(!SednaFilters.isHardByImageBoxThreshold([0.2, 1.5]))
    }

    @Test func thresholdFilterComparesTheMeanScore() {
        #expect(SednaFilters.isHardByMeanScore([0.6, 0.3]))
        #expect(!SednaFilters.isHardByMeanScore([0.6, 0.5]))
        #expect(!SednaFilters.isHardByMeanScore([]))
        #expect(SednaFilters.isHardByMeanScore([0.6, 0.3], threshold: 0.9))
    }

    @Test func confidenceBandIsInclusive() {
        #expect(SednaFilters.isHardByConfidenceBand([0.9, 0.45], low: 0.4, up: 0.6))
        #expect(SednaFilters.isHardByConfidenceBand([0.6], low: 0.4, up: 0.6))
        #expect(!SednaFilters.isHardByConfidenceBand([0.9, 0.3], low: 0.4, up: 0.6))
    }

    @Test func detectionConfidenceAppliesTheFloorThenIBTMeanAndBand() {
        let objects = [0.9, 0.45, 0.2, 0.35].map { MiningFixtures.box("x", 0, 0, 1, 1, score: $0) }
        let measured = DetectionConfidence(objects: objects, scoreFloor: 0.3, lowScoreThreshold: 0.5, uncertainBand: 0.4...0.6)
        #expect(measured.boxCount == 3)
        #expect(measured.totalBoxCount == 4)
        #expect(measured.maximumScore == 0.9)
        #expect(abs(measured.meanScore - (0.9 + 0.45 + 0.35) / 3) < 1e-12)
        #expect(abs(measured.lowScoreShare - 2.0 / 3) < 1e-12)
        #expect(measured.uncertainBoxCount == 1)
        // 0.45 is 0.05 from the band's centre 0.5, whose half-width is 0.1.
        #expect(abs(measured.bandCloseness - 0.5) < 1e-12)
        let empty = DetectionConfidence(objects: [], scoreFloor: 0.3, lowScoreThreshold: 0.5, uncertainBand: 0.4...0.6)
        #expect(empty.boxCount == 0 && empty.meanScore == 0 && empty.lowScoreShare == 0)
    }
}
