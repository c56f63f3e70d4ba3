import Foundation
import Testing
import WinnowCore

@Suite struct BoxFeatureDriftTests {
    private let configuration = MiningConfiguration.only(Array(11...18))

    /// 100 training images of 640 × 480, each with two boxes of 80–119 px near the upper left, box
    /// brightness 0.45–0.54.
    private func training() -> ReferenceStatistics {
        var reference = TrainingReference(configuration: configuration)
        for i in 0..<100 {
            let width = 80 + Double(i % 40)
            let height = 80 + Double((i * 7) % 40)
            let voc = VOCAnnotation(
                folder: "train", filename: "t\(i).jpg", size: ImageSize(width: 640, height: 480),
                objects: [
                    VOCObject(name: "car", shape: .bndbox(xmin: 100, ymin: 100, xmax: 100 + width, ymax: 100 + height)),
                    VOCObject(name: "car", shape: .bndbox(xmin: 300, ymin: 200, xmax: 300 + width, ymax: 200 + height)),
                ])
            var item = ReferenceItem(voc: voc)
            let brightness = 0.45 + 0.01 * Double(i % 10)
            item.boxPixels = [BoxPixelFeatures(brightness: brightness, sharpness: 100), BoxPixelFeatures(brightness: brightness, sharpness: 100)]
            reference.add(item)
        }
        return reference.finalize()
    }

    private func sample(_ index: Int, _ objects: [DetectedObject], pixels: [BoxPixelFeatures?]? = nil) -> MiningSample {
        MiningSample(
            index: index, source: "d\(index).jpg", outcome: .prediction(MiningFixtures.detection(objects)), imageSize: ImageSize(width: 640, height: 480),
            boxPixels: pixels)
    }

    @Test func trainingBoxesGiveTheDistributions() throws {
        let statistics = training()
        #expect(statistics.boxFeatures[.count]?.count == 100)
        #expect(statistics.boxFeatures[.areaRatio]?.count == 200)
        #expect(statistics.boxFeatures[.brightness]?.count == 200)
        #expect(statistics.classLabels == ["car"])
        let overlap = try #require(statistics.boxFeatures[.overlap])
        #expect(overlap.sortedValues.allSatisfy { $0 == 0 })
    }

    @Test func typicalBoxesAreNotHardAndOddOnesAreExplained() throws {
        let normalPixels = [BoxPixelFeatures(brightness: 0.5, sharpness: 100), BoxPixelFeatures(brightness: 0.5, sharpness: 100)]
        let normal = sample(0, [MiningFixtures.box("car", 100, 100, 200, 190, score: 0.9), MiningFixtures.box("car", 300, 200, 390, 300, score: 0.9)], pixels: normalPixels)
        // A box covering most of the image, and a dark one.
        let huge = sample(
            1, [MiningFixtures.box("car", 100, 100, 200, 190, score: 0.9), MiningFixtures.box("car", 20, 20, 620, 470, score: 0.9)],
            pixels: [BoxPixelFeatures(brightness: 0.02, sharpness: 100), BoxPixelFeatures(brightness: 0.5, sharpness: 100)])
        // Thirty boxes where training always had two.
        var crowdBoxes: [DetectedObject] = []
        for index in 0..<30 {
            let x = Double(index % 6) * 100
            let y = Double(index / 6) * 90
            crowdBoxes.append(MiningFixtures.box("car", x, y, x + 90, y + 85, score: 0.9))
        }
        let crowd = sample(2, crowdBoxes)
        let result = MiningFixtures.mine([normal, huge, crowd], configuration: configuration, training: training())
        #expect(result.sample(0)?.info?.isHard == false)
        let hugeInfo = try #require(result.sample(1)?.info)
        #expect(hugeInfo.reasons.contains(14))
        #expect(hugeInfo.reasons.contains(16))
        let ratio = try #require(hugeInfo.details.first { $0.reason == 14 })
        let expectedRatio: Double = 270_000.0 / 307_200.0
        #expect(abs((ratio.measured ?? 0) - expectedRatio) < 1e-12)
        #expect(ratio.reference?.hasPrefix("box 2 of 2: box area ratio 0.879; training p1–p99: ") == true, "\(ratio.reference ?? "")")
        let dark = try #require(hugeInfo.details.first { $0.reason == 16 })
        #expect(dark.measured == 0.02)
        #expect(dark.reference?.hasPrefix("box 1 of 2: box brightness 0.02; training") == true)
        let crowdInfo = try #require(result.sample(2)?.info)
        #expect(crowdInfo.reasons.contains(11))
        #expect(crowdInfo.details.first { $0.reason == 11 }?.measured == 30)
    }

    @Test func classificationAndNoTargetSamplesSkipBoxReasons() {
        let result = MiningFixtures.mine(
            [
                MiningSample(index: 0, source: "c.jpg", prediction: MiningFixtures.classification([("cat", 0.9), ("dog", 0.1)])),
                sample(1, [MiningFixtures.box("car", 0, 0, 10, 10, score: 0.1)]),
            ], configuration: configuration, training: training())
        #expect(result.hardCount == 0)
    }

    @Test func referenceStatisticsSurviveACodableRoundTrip() throws {
        var configuration = MiningConfiguration()
        configuration.embeddings.normalize = false
        var reference = TrainingReference(configuration: configuration)
        for i in 0..<30 {
            reference.add(ReferenceItem(
                classLabels: [i % 2 == 0 ? "a" : "b"], imageFeatures: MiningFixtures.features(brightness: Double(i) / 30), embedding: [Double(i), 1],
                prediction: ClassificationPrediction(predictedLabel: "a", scores: [ClassScore(label: "a", score: 0.8), ClassScore(label: "b", score: 0.2)])))
        }
        let statistics = reference.finalize()
        #expect(statistics.embeddings != nil)
        let decoded = try JSONDecoder().decode(ReferenceStatistics.self, from: JSONEncoder().encode(statistics))
        #expect(decoded == statistics)
    }
}
