import Testing
import WinnowCore

@Suite struct BoxMatchingTests {
    private func box(_ xmin: Double, _ ymin: Double, _ xmax: Double, _ ymax: Double) -> BoundingBox {
        BoundingBox(xmin: xmin, ymin: ymin, xmax: xmax, ymax: ymax)
    }

    @Test func intersectionOverUnionOfKnownBoxes() {
        // Overlap 5 × 10 = 50; union 100 + 100 − 50 = 150.
        #expect(abs(box(0, 0, 10, 10).intersectionOverUnion(box(5, 0, 15, 10)) - 1.0 / 3) < 1e-12)
        #expect(box(0, 0, 10, 10).intersectionOverUnion(box(20, 20, 30, 30)) == 0)
        #expect(box(0, 0, 0, 0).intersectionOverUnion(box(0, 0, 0, 0)) == 0)
    }

    @Test func overlapMarginalizationAndAreaRatioOfKnownBoxes() throws {
        // A is covered by B on its right half and by C on its bottom half: 50 + 50 − 25 = 75 of 100.
        let measured = BoxMeasurements(boxes: [box(0, 0, 10, 10), box(5, 0, 15, 10), box(0, 5, 10, 15)], imageSize: ImageSize(width: 100, height: 100), pixels: nil)
        #expect(measured.count == 3)
        #expect(abs((measured.boxes[0].overlap ?? 0) - 0.75) < 1e-12)
        // A box centred at (75, 50) in a 100 × 100 image: 25 / (√20000 / 2) = 0.35355.
        let centred = BoxMeasurements(boxes: [box(65, 40, 85, 60)], imageSize: ImageSize(width: 100, height: 100), pixels: nil)
        #expect(abs((centred.boxes[0].marginalization ?? 0) - 25 / (20_000.0.squareRoot() / 2)) < 1e-12)
        // 20 × 10 in 100 × 50: 200 / 5000.
        let ratio = BoxMeasurements(boxes: [box(0, 0, 20, 10)], imageSize: ImageSize(width: 100, height: 50), pixels: [BoxPixelFeatures(brightness: 0.3, sharpness: 12)])
        #expect(abs((ratio.boxes[0].areaRatio ?? 0) - 0.04) < 1e-12)
        #expect(ratio.boxes[0].aspectRatio == 0.5)
        #expect(ratio.boxes[0].brightness == 0.3 && ratio.boxes[0].sharpness == 12)
        #expect(ratio.areaSpread == 0)
    }

    @Test func withoutImageSizeOnlySizeFreeFeaturesAreKnown() {
        let measured = BoxMeasurements(boxes: [box(0, 0, 20, 10)], imageSize: nil, pixels: nil)
        #expect(measured.boxes[0].aspectRatio == 0.5)
        #expect(measured.boxes[0].areaRatio == nil && measured.boxes[0].marginalization == nil)
        #expect(measured.areaSpread == nil)
        #expect(measured.boxes[0].overlap == 0)
    }

    @Test func greedyMatchingTakesTheBestPairFirst() {
        // X matches Y2 (IoU 0.9) rather than Y1 (IoU 0.8).
        let matches = BoxMatching.greedyMatches([box(0, 0, 10, 10)], [box(0, 0, 10, 8), box(0, 0, 10, 9)])
        #expect(matches.count == 1)
        #expect(matches.first?.second == 1)
        #expect(abs((matches.first?.intersectionOverUnion ?? 0) - 0.9) < 1e-12)
        // Below the threshold nothing matches.
        #expect(BoxMatching.greedyMatches([box(0, 0, 10, 10)], [box(5, 0, 15, 10)]).isEmpty)
        #expect(BoxMatching.greedyMatches([], [box(0, 0, 1, 1)]).isEmpty)
    }

    @Test func detectionComparisonCountsRelabelledLostAndNewBoxes() {
        let original = [
            MiningFixtures.box("cat", 0, 0, 10, 10, score: 0.9),
            MiningFixtures.box("dog", 20, 20, 30, 30, score: 0.8),
            MiningFixtures.box("cat", 50, 50, 60, 60, score: 0.35),
        ]
        let augmented = [
            MiningFixtures.box("cat", 0, 0, 10, 9, score: 0.85),
            MiningFixtures.box("cat", 21, 20, 31, 30, score: 0.7),
            MiningFixtures.box("person", 80, 80, 95, 95, score: 0.9),
            MiningFixtures.box("cat", 70, 0, 75, 5, score: 0.4),
        ]
        // The weak unmatched boxes (0.35, 0.4) flicker and do not count.
        let comparison = DetectionComparison(original: original, other: augmented, scoreFloor: 0.3, iouThreshold: 0.5, minimumUnmatchedScore: 0.5)
        #expect(comparison.matched == 2)
        #expect(comparison.relabelled == 1)
        #expect(comparison.lost == 0)
        #expect(comparison.added == 1)
        #expect(abs(comparison.inconsistency - 2.0 / 3) < 1e-12)
        let same = DetectionComparison(original: original, other: original, scoreFloor: 0.3, minimumUnmatchedScore: 0.5)
        #expect(same.inconsistentCount == 0 && same.inconsistency == 0)
    }

    @Test func naturalOrderSortsNumbersByValue() {
        let names = ["frame10.png", "frame2.png", "Frame1.png", "frame02.png", "frame1a.png"]
        #expect(names.sorted(by: NaturalOrder.areInIncreasingOrder) == ["Frame1.png", "frame1a.png", "frame2.png", "frame02.png", "frame10.png"])
        #expect(NaturalOrder.compare("a", "a") == 0)
        #expect(NaturalOrder.compare("", "a") == -1)
    }
}
