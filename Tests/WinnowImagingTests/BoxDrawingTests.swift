import Testing
import WinnowImaging

@Suite struct BoxDrawingTests {
    let red: (red: UInt8, green: UInt8, blue: UInt8) = (255, 0, 0)

    @Test func outlinesTheBoxEdgesAndLeavesTheInsideAlone() throws {
        // Given a black 10×8 RGB image and a box from (2, 1) to (8, 7)
        let image = RasterImage(width: 10, height: 8, layout: .rgb)
        let drawn = image.drawingOutlines([BoxOutline(xmin: 2, ymin: 1, xmax: 8, ymax: 7, color: red)], thickness: 1)
        // Then the corners and edges are red, the inside and outside black
        #expect(drawn[2, 1] == [255, 0, 0])
        #expect(drawn[7, 6] == [255, 0, 0])
        #expect(drawn[5, 1] == [255, 0, 0])
        #expect(drawn[2, 4] == [255, 0, 0])
        #expect(drawn[7, 4] == [255, 0, 0])
        #expect(drawn[5, 4] == [0, 0, 0])
        #expect(drawn[1, 1] == [0, 0, 0])
        #expect(drawn[8, 4] == [0, 0, 0])
        #expect(drawn[5, 7] == [0, 0, 0])
        let redCount = stride(from: 0, to: drawn.pixels.count, by: 3).filter { drawn.pixels[$0] == 255 }.count
        #expect(redCount == 2 * 6 + 2 * 4)
    }

    @Test func thickLinesGrowInwards() {
        let image = RasterImage(width: 20, height: 20, layout: .rgb)
        let drawn = image.drawingOutlines([BoxOutline(xmin: 5, ymin: 5, xmax: 15, ymax: 15, color: red)], thickness: 3)
        #expect(drawn[7, 10] == [255, 0, 0])
        #expect(drawn[8, 10] == [0, 0, 0])
        #expect(drawn[4, 10] == [0, 0, 0])
        #expect(drawn[10, 12] == [255, 0, 0])
    }

    @Test func grayBecomesRGBAndAlphaOpaque() {
        let gray = RasterImage(width: 4, height: 4, layout: .gray, fill: [100])
        let drawnGray = gray.drawingOutlines([BoxOutline(xmin: 0, ymin: 0, xmax: 4, ymax: 4, color: (0, 255, 0))])
        #expect(drawnGray.layout == .rgb)
        #expect(drawnGray[0, 0] == [0, 255, 0])
        #expect(drawnGray[2, 2] == [0, 255, 0])  // thickness 2 fills a 4×4 box
        let clear = RasterImage(width: 6, height: 6, layout: .rgba, fill: [0, 0, 0, 0])
        let drawnClear = clear.drawingOutlines([BoxOutline(xmin: 1, ymin: 1, xmax: 5, ymax: 5, color: red)], thickness: 1)
        #expect(drawnClear[1, 1] == [255, 0, 0, 255])
        #expect(drawnClear[0, 0] == [0, 0, 0, 0])
    }

    @Test func clipsToTheImageAndSkipsNonsense() {
        let image = RasterImage(width: 8, height: 8, layout: .rgb)
        // Partly outside: only the visible edges are drawn, nothing traps.
        let partly = image.drawingOutlines([BoxOutline(xmin: -5, ymin: 4, xmax: 20, ymax: 30, color: red)], thickness: 1)
        #expect(partly[0, 4] == [255, 0, 0])
        #expect(partly[7, 4] == [255, 0, 0])
        #expect(partly[3, 6] == [0, 0, 0])
        let skipped = image.drawingOutlines([
            BoxOutline(xmin: 20, ymin: 20, xmax: 30, ymax: 30, color: red),
            BoxOutline(xmin: 5, ymin: 5, xmax: 2, ymax: 2, color: red),
            BoxOutline(xmin: .nan, ymin: 0, xmax: 4, ymax: 4, color: red),
        ])
        #expect(skipped == image)
    }

    @Test func scalingMovesEveryEdge() {
        let box = BoxOutline(xmin: 10, ymin: 20, xmax: 30, ymax: 40, color: red).scaled(x: 0.5, y: 0.25)
        #expect(box.xmin == 5 && box.xmax == 15 && box.ymin == 5 && box.ymax == 10)
        #expect(box.red == 255 && box.green == 0)
    }
}
