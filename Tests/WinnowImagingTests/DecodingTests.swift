import Testing
import WinnowCore
@testable import WinnowImaging

@Suite struct DecodingTests {
    let decoder = ImageDecoder()

    @Test func grayPNGKeepsEverySample() throws {
        let image = try decoder.decodeFile(atPath: LocalFixtures.path("gray.png"))
        #expect(image.format == .png)
        #expect(image.raster.layout == .gray)
        #expect(image.originalSize == ImageSize(width: 8, height: 6, depth: 1))
        for y in 0..<6 {
            for x in 0..<8 { #expect(image.raster[x, y] == [UInt8(10 * x + 30 * y)]) }
        }
    }

    @Test func oneBitPNGExpandsToFullGray() throws {
        let image = try decoder.decodeFile(atPath: LocalFixtures.path("bilevel.png"))
        #expect(image.raster.layout == .gray)
        #expect(image.raster.width == 5 && image.raster.height == 3)
        for y in 0..<3 {
            for x in 0..<5 { #expect(image.raster[x, y] == [(x + y) % 2 == 0 ? 255 : 0]) }
        }
    }

    @Test func sixteenBitPNGScalesToEightBits() throws {
        let image = try decoder.decodeFile(atPath: LocalFixtures.path("gray16.png"))
        #expect(image.raster.pixels == [0, 128, 255])
    }

    @Test func rgbaPNGKeepsAlpha() throws {
        let image = try decoder.decodeFile(atPath: LocalFixtures.path("rgba.png"))
        #expect(image.raster.layout == .rgba)
        #expect(image.raster.pixels == [255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 255, 255, 255, 255])
    }

    @Test func grayAlphaPNGBecomesRGBA() throws {
        let image = try decoder.decodeFile(atPath: LocalFixtures.path("gray-alpha.png"))
        #expect(image.raster.layout == .rgba)
        #expect(image.raster.pixels == [50, 50, 50, 255, 200, 200, 200, 100])
    }

    @Test func palettePNGExpandsToColours() throws {
        let image = try decoder.decodeFile(atPath: LocalFixtures.path("palette.png"))
        #expect(image.raster.layout == .rgb)
        #expect(image.raster.pixels == [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0])
        let transparent = try decoder.decodeFile(atPath: LocalFixtures.path("palette-transparent.png"))
        #expect(transparent.raster.layout == .rgba)
        #expect(transparent.raster[1, 0] == [0, 255, 0, 0])
        #expect(transparent.raster[2, 0] == [0, 0, 255, 255])
    }

    @Test func paletteAndAlphaBMPFromPillow() throws {
        let palette = try decoder.decodeFile(atPath: LocalFixtures.path("palette.bmp"))
        #expect(palette.format == .bmp)
        #expect(palette.raster.pixels == [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0])
        let rgba = try decoder.decodeFile(atPath: LocalFixtures.path("rgba.bmp"))
        #expect(rgba.raster.layout == .rgba)
        #expect(rgba.raster.pixels == [255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 255, 255, 255, 255])
    }

    @Test(arguments: [(24, false), (24, true), (32, false), (8, false), (8, true)])
    func synthesizedBMPRoundTrips(bitsPerPixel: Int, topDown: Bool) throws {
        // 5 pixels wide so every row needs padding.
        let source = bitsPerPixel == 8
            ? RasterImage(width: 5, height: 3, layout: .gray) { x, y in [UInt8(x * 40 + y)] }
            : RasterImage(width: 5, height: 3, layout: .rgb) { x, y in [UInt8(x * 50), UInt8(y * 100), UInt8(x + y)] }
        let image = try decoder.decode(SyntheticImages.bmp(source, bitsPerPixel: bitsPerPixel, topDown: topDown))
        #expect(image.raster == source)
    }

    @Test func losslessWebPWithAlpha() throws {
        let image = try decoder.decodeFile(atPath: LocalFixtures.path("rgba.webp"))
        #expect(image.format == .webp)
        #expect(image.raster.layout == .rgba)
        #expect(image.raster.pixels == [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255, 40, 50, 60, 128, 0, 0, 0, 0])
    }

    @Test func cmykJPEGBecomesRGB() throws {
        let image = try decoder.decodeFile(atPath: LocalFixtures.path("cmyk.jpg"))
        #expect(image.raster.layout == .rgb)
        #expect(image.originalSize.depth == 4)
        let pixel = image.raster[8, 8]
        #expect(pixel[0] >= 250 && pixel[1] <= 5 && pixel[2] <= 5, "pure red expected, got \(pixel)")
    }

    @Test func exifRotatedJPEGFromPillowDecodesUpright() throws {
        // Stored 32 x 16 (red, green / blue, white); orientation 6 turns it 90° clockwise into 16 x 32:
        // top-left blue, top-right red, bottom-left white, bottom-right green.
        let image = try decoder.decodeFile(atPath: LocalFixtures.path("orientation-6.jpg"))
        #expect(image.orientation == .right)
        #expect(image.raster.width == 16 && image.raster.height == 32)
        #expect(image.originalSize.width == 16 && image.originalSize.height == 32)
        expectColor(image.raster[4, 8], [0, 0, 255])
        expectColor(image.raster[12, 8], [255, 0, 0])
        expectColor(image.raster[4, 24], [255, 255, 255])
        expectColor(image.raster[12, 24], [0, 255, 0])
    }

    @Test(arguments: ExifOrientation.allCases, [false, true])
    func everyExifOrientationMatchesTheReferenceTransform(orientation: ExifOrientation, bigEndian: Bool) throws {
        let stored = SyntheticImages.quadrants(width: 32, height: 16)
        let jpeg = try JPEGEncoder(quality: 95, subsampling: .none).encode(stored)
        let image = try decoder.decode(SyntheticImages.withExifOrientation(jpeg, orientation.rawValue, bigEndian: bigEndian))
        #expect(image.orientation == orientation)
        let expected = stored.oriented(orientation)
        #expect(image.raster.width == expected.width && image.raster.height == expected.height)
        // Quadrant centres of the expected upright image.
        for (x, y) in [(expected.width / 4, expected.height / 4), (3 * expected.width / 4, expected.height / 4),
                       (expected.width / 4, 3 * expected.height / 4), (3 * expected.width / 4, 3 * expected.height / 4)] {
            expectColor(image.raster[x, y], expected[x, y])
        }
        let unturned = try ImageDecoder(options: DecodeOptions(appliesOrientation: false))
            .decode(SyntheticImages.withExifOrientation(jpeg, orientation.rawValue, bigEndian: bigEndian))
        #expect(unturned.raster.width == 32 && unturned.raster.height == 16)
    }

    @Test func orientationSixIsAClockwiseQuarterTurn() {
        // Stored 3 x 2: a b c / d e f. Upright (rotated 90° clockwise) 2 x 3: d a / e b / f c.
        let stored = RasterImage(width: 3, height: 2, layout: .gray) { x, y in [UInt8(y * 3 + x)] }
        #expect(stored.oriented(.right).pixels == [3, 0, 4, 1, 5, 2])
        #expect(stored.oriented(.left).pixels == [2, 5, 1, 4, 0, 3])
        #expect(stored.oriented(.down).pixels == [5, 4, 3, 2, 1, 0])
        #expect(stored.oriented(.upMirrored).pixels == [2, 1, 0, 5, 4, 3])
        #expect(stored.oriented(.leftMirrored).pixels == [0, 3, 1, 4, 2, 5])
        #expect(stored.oriented(.rightMirrored).pixels == [5, 2, 4, 1, 3, 0])
    }

    @Test(arguments: [(nil, 64), (200, 64), (64, 64), (32, 32), (20, 32), (16, 16), (9, 16), (8, 8), (1, 8)] as [(Int?, Int)])
    func jpegDecodesAtTheSmallestScaleThatReachesTheTarget(target: Int?, expectedWidth: Int) throws {
        let jpeg = try JPEGEncoder(quality: 90).encode(SyntheticImages.quadrants(width: 64, height: 48))
        let image = try ImageDecoder(options: DecodeOptions(targetLongerSide: target)).decode(jpeg)
        #expect(image.raster.width == expectedWidth)
        #expect(image.originalSize.width == 64 && image.originalSize.height == 48)
        expectColor(image.raster[image.raster.width / 4, image.raster.height / 4], [255, 0, 0])
    }

    @Test func grayJPEGStaysGray() throws {
        let jpeg = try JPEGEncoder(quality: 100).encode(SyntheticImages.checkerboard(width: 32, height: 32, cell: 8))
        let image = try decoder.decode(jpeg)
        #expect(image.raster.layout == .gray)
        #expect(image.originalSize.depth == 1)
        #expect(image.raster[4, 4][0] > 240 && image.raster[12, 4][0] < 15)
    }

    @Test func pngEncoderRoundTripsEveryLayout() throws {
        for layout in PixelLayout.allCases {
            let source = RasterImage(width: 7, height: 5, layout: layout) { x, y in
                (0..<layout.channels).map { UInt8((x * 31 + y * 17 + $0 * 59) % 256) }
            }
            let decoded = try decoder.decode(try PNGEncoder().encode(source))
            #expect(decoded.raster == source)
        }
    }

    @Test func formatsAreToldFromBytesNotNames() throws {
        #expect(ImageFormat.detect(try LocalFixtures.bytes("gray.png")) == .png)
        #expect(ImageFormat.detect(try LocalFixtures.bytes("cmyk.jpg")) == .jpeg)
        #expect(ImageFormat.detect(try LocalFixtures.bytes("palette.bmp")) == .bmp)
        #expect(ImageFormat.detect(try LocalFixtures.bytes("rgba.webp")) == .webp)
        #expect(ImageFormat.detect(Array("GIF89a\u{1}\u{0}".utf8)) == .gif)
        #expect(ImageFormat.detect(Array("BMW is not a bitmap".utf8)) == nil)
        #expect(ImageFormat.detect([]) == nil)
    }
}

/// Expects a decoded JPEG colour within a small tolerance of `expected`.
func expectColor(_ actual: [UInt8], _ expected: [UInt8], tolerance: Int = 24, sourceLocation: SourceLocation = #_sourceLocation) {
    let close = actual.count >= expected.count && zip(actual, expected).allSatisfy { abs(Int($0) - Int($1)) <= tolerance }
    #expect(close, "expected about \(expected), got \(actual)", sourceLocation: sourceLocation)
}
