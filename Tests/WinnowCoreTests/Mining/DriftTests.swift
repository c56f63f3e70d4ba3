import Foundation
import Testing
import WinnowCore

@Suite struct DriftTests {
    /// 200 values evenly spread over [0.45, 0.55].
    private let narrow = (0..<200).map { 0.45 + 0.1 * Double($0) / 199 }

    @Test func percentilesMedianAndMADAreTheTextbookOnes() throws {
        let distribution = EmpiricalDistribution((0..<100).map { Double($0) / 100 } + [.nan, .infinity])
        #expect(distribution.count == 100)
        // Type 7: position 99 × 0.01 = 0.99 → 0 + 0.99 × 0.01.
        #expect(abs(try #require(distribution.percentile(1)) - 0.0099) < 1e-12)
        #expect(abs(try #require(distribution.percentile(99)) - 0.9801) < 1e-12)
        #expect(abs(distribution.median - 0.495) < 1e-12)
        #expect(abs(distribution.medianAbsoluteDeviation - 0.25) < 1e-12)
        #expect(EmpiricalDistribution([]).percentile(50) == nil)
        #expect(EmpiricalDistribution([3]).percentile(99) == 3)
    }

    @Test func modifiedZScoreFallsBackWhenTheMADIsZero() {
        // MAD 0 (most values equal): (x − median) / (1.253314 × mean absolute deviation).
        let mostlyEqual = EmpiricalDistribution([1, 1, 1, 1, 5])
        #expect(mostlyEqual.medianAbsoluteDeviation == 0)
        #expect(abs(mostlyEqual.modifiedZScore(3) - 2 / (1.253314 * 0.8)) < 1e-9)
        let constant = EmpiricalDistribution([2, 2, 2])
        #expect(constant.modifiedZScore(2) == 0)
        #expect(constant.modifiedZScore(3) == .infinity)
    }

    @Test func driftScoreRisesWithHowFarOutside() throws {
        let distribution = EmpiricalDistribution(narrow)
        let range = RobustRange()
        // Band p1–p99 = 0.451–0.549 (width 0.098), median 0.5, MAD 0.0251.
        let far = try #require(DriftMeasurement(0.9, against: distribution, scale: .linear, range: range))
        #expect(far.isFar)
        #expect(abs(far.lower - 0.451) < 1e-9 && abs(far.upper - 0.549) < 1e-9)
        #expect(abs(far.excess - (0.9 - 0.549) / 0.098) < 1e-9)
        #expect(abs(far.score - 0.7817371937639197) < 1e-9)
        #expect(abs(far.modifiedZ - 10.73804) < 1e-4)
        // Just outside the band but within 3.5 robust deviations: not far, small score.
        let near = try #require(DriftMeasurement(0.56, against: distribution, scale: .linear, range: range))
        #expect(!near.isFar)
        #expect(abs(near.score - 0.10091743119266061) < 1e-9)
        let inside = try #require(DriftMeasurement(0.5, against: distribution, scale: .linear, range: range))
        #expect(!inside.isFar && inside.score == 0)
        let farther = try #require(DriftMeasurement(2, against: distribution, scale: .linear, range: range))
        #expect(farther.score > far.score)
        let low = try #require(DriftMeasurement(0.05, against: distribution, scale: .linear, range: range))
        #expect(low.isFar && abs(low.score - 0.8036072144288576) < 1e-9)
        // An upper-only range ignores the low side.
        let upperOnly = try #require(DriftMeasurement(0.05, against: distribution, scale: .linear, range: RobustRange(side: .upper)))
        #expect(!upperOnly.isFar && upperOnly.score == 0)
        #expect(DriftMeasurement(.nan, against: distribution, scale: .linear, range: range) == nil)
    }

    @Test func logScaleReportsBoundsInTheFeaturesUnits() throws {
        let areas = (0..<100).map { 300_000.0 + Double($0) * 100 }
        let distribution = EmpiricalDistribution(areas.map(FeatureScale.logarithmic.transform))
        let measured = try #require(DriftMeasurement(4_000_000, against: distribution, scale: .logarithmic, range: RobustRange()))
        #expect(measured.isFar)
        #expect(abs(measured.upper - 309_801) < 1)
        #expect(abs(measured.median - 304_950) < 1)
    }

    private func brightnessSamples(_ values: [Double]) -> [MiningSample] {
        values.enumerated().map { index, brightness in
            MiningSample(
                index: index, source: "img\(index).jpg", outcome: .prediction(MiningFixtures.classification([("cat", 0.99), ("dog", 0.01)])),
                imageFeatures: MiningFixtures.features(brightness: brightness))
        }
    }

    @Test func imageDriftAgainstTheTrainingSet() throws {
        let configuration = MiningConfiguration.only([7])
        var reference = TrainingReference(configuration: configuration)
        for brightness in narrow { reference.add(ReferenceItem(classLabels: ["cat"], imageFeatures: MiningFixtures.features(brightness: brightness))) }
        let training = reference.finalize()
        let result = MiningFixtures.mine(brightnessSamples([0.5, 0.05]), configuration: configuration, training: training)
        #expect(result.sample(0)?.info?.isHard == false)
        let dark = try #require(result.sample(1)?.info)
        #expect(dark.reasons == [7])
        let detail = try #require(dark.details.first)
        #expect(detail.measured == 0.05)
        #expect(detail.reference?.hasPrefix("brightness 0.05; training p1–p99: 0.451–0.549 (median 0.5)") == true, "\(detail.reference ?? "")")
        #expect(detail.suggestion == HardReason.catalogue[7].suggestion)
    }

    @Test func withoutTrainingTheBatchIsTheReferenceAndTheDetailSaysSo() throws {
        let configuration = MiningConfiguration.only([5, 6, 7, 8, 9, 10])
        let result = MiningFixtures.mine(brightnessSamples(narrow + [0.05]), configuration: configuration)
        let dark = try #require(result.sample(200)?.info)
        #expect(dark.reasons == [7])
        #expect(dark.details.first?.reference?.contains("; batch p1–p99: ") == true, "\(dark.details.first?.reference ?? "")")
        // The rest of the batch, all of one size and colour, is not hard.
        #expect(result.hardCount == 1)
        #expect(result.referenceSummary.contains("image features: batch"))
    }

    @Test func aConstantReferenceNeedsARelativeDeviationToCallAValueFar() throws {
        // Every training image 0.75 high per unit of width (4:3 landscape): the band and both deviations are 0.
        let aspect = EmpiricalDistribution(Array(repeating: 0.75, count: 40))
        let hair = try #require(DriftMeasurement(0.749, against: aspect, scale: .linear, range: RobustRange()))
        #expect(!hair.isFar)
        #expect(abs(hair.relativeDeviation - 0.001 / 0.75) < 1e-12)
        // One step of 5 % of the median (0.0375) is one band width: a finite score, not 1.
        #expect(abs(hair.excess - 0.001 / 0.0375) < 1e-9 && hair.score < 0.05)
        let portrait = try #require(DriftMeasurement(1.333, against: aspect, scale: .linear, range: RobustRange()))
        #expect(portrait.isFar)
        #expect(portrait.score > 0.9 && portrait.score < 1)
        // On a logarithmic scale too: 1.78× the constant training area is far, 1.01× is not.
        let areas = EmpiricalDistribution(Array(repeating: FeatureScale.logarithmic.transform(172_800), count: 40))
        let larger = try #require(DriftMeasurement(307_200, against: areas, scale: .logarithmic, range: RobustRange()))
        #expect(larger.isFar && larger.score < 1)
        #expect(!(try #require(DriftMeasurement(174_528, against: areas, scale: .logarithmic, range: RobustRange())).isFar))
        // A minimum of 0 restores the old strictness: any value off a constant reference is far.
        let strict = RobustRange(minimumRelativeDeviation: 0)
        let strictHair = try #require(DriftMeasurement(0.749, against: aspect, scale: .linear, range: strict))
        #expect(strictHair.isFar && strictHair.score == 1)
    }

    @Test func theRelativeMinimumIsValidatedAndDecodedWithItsDefault() throws {
        #expect(throws: ValidationError.self) { try RobustRange(minimumRelativeDeviation: -0.1).validate("imageDrift") }
        let decoded = try JSONDecoder().decode(RobustRange.self, from: Data(#"{"upperPercentile": 95}"#.utf8))
        #expect(decoded.minimumRelativeDeviation == 0.05 && decoded.upperPercentile == 95)
    }
}
