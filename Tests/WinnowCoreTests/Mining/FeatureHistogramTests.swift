import Foundation
import Testing
import WinnowCore

@Suite struct FeatureHistogramTests {
    @Test func countsValuesIntoEqualBinsWithTheLastEdgeIncluded() {
        let histogram = FeatureHistogram([0, 0.1, 0.26, 0.5, 0.74, 1], range: 0...1, bins: 4)
        #expect(histogram.counts == [2, 1, 2, 1])
        #expect(histogram.edges == [0, 0.25, 0.5, 0.75, 1])
        #expect(histogram.total == 6)
        #expect(histogram.skipped == 0)
    }

    @Test func skipsNaNAndInfinitiesAndClampsOutsideValues() {
        let histogram = FeatureHistogram([.nan, .infinity, -.infinity, -5, 0.5, 7], range: 0...1, bins: 2)
        #expect(histogram.skipped == 3)
        #expect(histogram.counts == [1, 2])
    }

    @Test func emptyInputGivesZeroCountsAndPairedNil() {
        let histogram = FeatureHistogram([], range: 0...1, bins: 5)
        #expect(histogram.counts == [0, 0, 0, 0, 0])
        #expect(histogram.fractions == [0, 0, 0, 0, 0])
        #expect(FeatureHistogram.paired([], []) == nil)
        #expect(FeatureHistogram.paired([.nan], [.infinity]) == nil)
    }

    @Test func pairedHistogramsShareEdgesFromTheUnionRange() throws {
        let (batch, training) = try #require(FeatureHistogram.paired([0, 1, 2], [8, 10], bins: 5))
        #expect(batch.lower == 0 && batch.upper == 10)
        #expect(batch.edges == training.edges)
        #expect(batch.counts == [2, 1, 0, 0, 0])
        #expect(training.counts == [0, 0, 0, 0, 2])
    }

    @Test func aSingleValueGetsAWidenedRange() {
        let histogram = FeatureHistogram([3, 3, 3], range: 3...3, bins: 4)
        #expect(histogram.lower == 2.5 && histogram.upper == 3.5)
        #expect(histogram.counts == [0, 0, 3, 0])
    }

    @Test func isCodableAndDeterministic() throws {
        let values = (0..<1000).map { Double(($0 * 7919) % 1000) / 10 }
        let a = FeatureHistogram(values, range: 0...100, bins: 24)
        let b = FeatureHistogram(values, range: 0...100, bins: 24)
        #expect(a == b)
        let data = try JSONEncoder().encode(a)
        #expect(try JSONDecoder().decode(FeatureHistogram.self, from: data) == a)
    }

    @Test func distributionsCoverTheBatchAndTheTrainingReferenceOnTheFeatureScale() throws {
        var configuration = MiningConfiguration()
        configuration.enabledReasons = [7]
        let records = (0..<10).map { index in
            var record = SampleScores(index: index, source: "s\(index)")
            record.task = .classification
            record.imageFeatures = ImageFeatures(width: 10, height: 10, brightness: Double(index) / 10, saturation: 0, colorfulness: 0, sharpness: 1)
            return record
        }
        var failed = SampleScores(index: 99, source: "bad")
        failed.failure = "FAILED"
        let training = ReferenceStatistics(
            origin: .training, itemCount: 3, classLabels: [], imageFeatures: [.brightness: EmpiricalDistribution([0.5, 0.6, 2.0])],
            boxFeatures: [:], classConfidence: [:], embeddings: nil, skippedEmbeddings: 0)
        let distributions = FeatureDistribution.collect(records + [failed], training: training, configuration: configuration, bins: 10)
        #expect(distributions.map(\.reason) == [7])
        let brightness = try #require(distributions.first)
        #expect(brightness.batch.total == 10)
        #expect(brightness.training?.total == 3)
        #expect(brightness.batch.lower == 0 && brightness.batch.upper == 2)
        #expect(brightness.training?.edges == brightness.batch.edges)
        #expect(FeatureDistribution.collect(records, training: nil, configuration: configuration).first?.training == nil)
    }
}
