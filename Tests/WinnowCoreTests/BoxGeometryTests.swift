import Testing
import WinnowCore

@Suite struct BoxGeometryTests {
    @Test func oneCentredBox() {
        let geometry = BoxGeometry(shapes: [.bndbox(xmin: 40, ymin: 30, xmax: 60, ymax: 70)], imageWidth: 100, imageHeight: 100)
        #expect(geometry.count == 1)
        #expect(geometry.areaStandardDeviation == 0)
        let box = geometry.boxes[0]
        #expect(box.aspectRatio == 2)
        #expect(box.areaRatio == 0.08)
        #expect(box.marginalization == 0)
        #expect(box.overlap == 0)
    }

    @Test func marginalizationGrowsTowardsTheCorner() {
        // Image 200 x 100: half-diagonal = sqrt(200² + 100²) / 2 ≈ 111.80.
        let geometry = BoxGeometry(
            shapes: [.bndbox(xmin: 0, ymin: 0, xmax: 2, ymax: 2), .bndbox(xmin: 140, ymin: 40, xmax: 160, ymax: 60)],
            imageWidth: 200, imageHeight: 100)
        let halfDiagonal = (200.0 * 200 + 100 * 100).squareRoot() / 2
        #expect(abs(geometry.boxes[0].marginalization - ((99.0 * 99 + 49 * 49).squareRoot() / halfDiagonal)) < 1e-12)
        #expect(abs(geometry.boxes[1].marginalization - 50 / halfDiagonal) < 1e-12)
        #expect(geometry.boxes[0].marginalization > geometry.boxes[1].marginalization)
    }

    @Test func areaSpreadIsThePopulationStandardDeviation() {
        // Areas 100 and 300: mean 200, deviation 100.
        let geometry = BoxGeometry(
            shapes: [.bndbox(xmin: 0, ymin: 0, xmax: 10, ymax: 10), .bndbox(xmin: 50, ymin: 50, xmax: 80, ymax: 60)],
            imageWidth: 100, imageHeight: 100)
        #expect(geometry.areaStandardDeviation == 100)
        #expect(geometry.areaRatioStandardDeviation == 0.01)
    }

    @Test func overlapIsTheCoveredFractionOfTheUnion() {
        // A: 0…10 x 0…10. B covers its right half, C its bottom half: together 75% of A, not 100%.
        let boxes = [
            BoundingBox(xmin: 0, ymin: 0, xmax: 10, ymax: 10),
            BoundingBox(xmin: 5, ymin: 0, xmax: 20, ymax: 10),
            BoundingBox(xmin: 0, ymin: 5, xmax: 10, ymax: 20),
        ]
        let geometry = BoxGeometry(boxes: boxes, imageWidth: 100, imageHeight: 100)
        #expect(geometry.boxes[0].overlap == 0.75)
        // B (150 px²) is covered by A on 50 and by C on 25 of which 25 is shared with A: 50/150.
        #expect(abs(geometry.boxes[1].overlap - 50.0 / 150) < 1e-12)
        // A box inside another is fully covered; the outer one only by the inner's share.
        let nested = BoxGeometry(
            boxes: [BoundingBox(xmin: 0, ymin: 0, xmax: 10, ymax: 10), BoundingBox(xmin: 2, ymin: 2, xmax: 4, ymax: 4)],
            imageWidth: 10, imageHeight: 10)
        #expect(nested.boxes[1].overlap == 1)
        #expect(nested.boxes[0].overlap == 0.04)
    }

    @Test func unionAreaMatchesACountOfUnitCells() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<50 {
            let rectangles = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                let x = Double(Int.random(in: 0..<20, using: &generator))
                let y = Double(Int.random(in: 0..<20, using: &generator))
                return BoundingBox(xmin: x, ymin: y, xmax: x + Double(Int.random(in: 1...10, using: &generator)), ymax: y + Double(Int.random(in: 1...10, using: &generator)))
            }
            var cells = 0
            for cellY in 0..<30 {
                for cellX in 0..<30 where rectangles.contains(where: { Double(cellX) >= $0.xmin && Double(cellX) < $0.xmax && Double(cellY) >= $0.ymin && Double(cellY) < $0.ymax }) {
                    cells += 1
                }
            }
            #expect(BoxGeometry.unionArea(rectangles) == Double(cells))
        }
    }

    @Test func degenerateBoxesDoNotDivideByZero() {
        let geometry = BoxGeometry(shapes: [.point(Point(x: 3, y: 4)), .bndbox(xmin: 1, ymin: 1, xmax: 1, ymax: 5)], imageWidth: 10, imageHeight: 10)
        #expect(geometry.boxes[0].aspectRatio == nil)
        #expect(geometry.boxes[1].aspectRatio == nil)
        #expect(geometry.boxes[0].overlap == 0)
        let empty = BoxGeometry(shapes: [], imageWidth: 0, imageHeight: 0)
        #expect(empty.count == 0 && empty.boxes.isEmpty)
    }

    @Test func shapesAreMeasuredByTheirBoundingBoxes() {
        let polygon = Shape.polygon([Point(x: 10, y: 10), Point(x: 30, y: 15), Point(x: 20, y: 50)])
        #expect(BoundingBox(polygon) == BoundingBox(xmin: 10, ymin: 10, xmax: 30, ymax: 50))
        #expect(BoundingBox(xmin: 5, ymin: 9, xmax: 1, ymax: 2) == BoundingBox(xmin: 1, ymin: 2, xmax: 5, ymax: 9))
        #expect(BoundingBox(xmin: 0, ymin: 0, xmax: 10, ymax: 10).intersectionOverUnion(BoundingBox(xmin: 5, ymin: 0, xmax: 15, ymax: 10)) == 1.0 / 3)
    }
}
