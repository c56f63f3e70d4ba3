import Foundation
import Testing
import WinnowCore
@testable import WinnowImaging

@Suite struct FeatureTests {
    let extractor = ImageFeatureExtractor()

    func features(_ raster: RasterImage) -> ImageFeatures {
        extractor.features(of: DecodedImage(raster: raster, format: .png, originalSize: ImageSize(width: raster.width, height: raster.height)))
    }

    @Test(arguments: [0, 64, 128, 255] as [UInt8])
    func flatGrayHasItsValueAsBrightnessAndNothingElse(value: UInt8) {
        let result = features(RasterImage(width: 40, height: 30, layout: .gray, fill: [value]))
        #expect(abs(result.brightness - Double(value) / 255) < 1e-6)
        #expect(result.saturation == 0)
        #expect(result.colorfulness == 0)
        #expect(result.sharpness < 1e-6)
        #expect(result.area == 1200)
        #expect(result.aspectRatio == 0.75)
    }

    @Test func pureRedHasKnownValues() {
        let result = features(RasterImage(width: 20, height: 20, layout: .rgb, fill: [255, 0, 0]))
        #expect(abs(result.brightness - 0.241.squareRoot()) < 1e-5)
        #expect(abs(result.saturation - 1) < 1e-6)
        // rg = 255, yb = 127.5, no spread: 0.3 * sqrt(255² + 127.5²).
        #expect(abs(result.colorfulness - 0.3 * (255.0 * 255 + 127.5 * 127.5).squareRoot()) < 1e-3)
    }

    @Test func halfBlackHalfWhiteIsHalfBright() {
        let image = RasterImage(width: 64, height: 64, layout: .rgb) { x, _ in x < 32 ? [0, 0, 0] : [255, 255, 255] }
        let result = features(image)
        #expect(abs(result.brightness - 0.5) < 1e-3)
        #expect(result.saturation == 0)
        #expect(result.colorfulness < 1e-6)
        #expect(result.sharpness > 0)
    }

    @Test func grayscaleColorfulnessMatchesTheFormulaOnTwoColours() {
        // Half (255, 0, 0), half (0, 0, 255): rg ∈ {255, 0}, yb ∈ {127.5, −255}.
        let image = RasterImage(width: 256, height: 256, layout: .rgb) { x, _ in x < 128 ? [255, 0, 0] : [0, 0, 255] }
        let result = features(image)
        let rgSpread = 127.5, ybSpread = (127.5 + 255) / 2
        let rgMean = 127.5, ybMean = (127.5 - 255) / 2
        let expected = (rgSpread * rgSpread + ybSpread * ybSpread).squareRoot() + 0.3 * (rgMean * rgMean + ybMean * ybMean).squareRoot()
        #expect(abs(result.colorfulness - expected) < 0.5)
        #expect(abs(result.saturation - 1) < 1e-6)
    }

    @Test func onePixelCheckerboardHasTheLaplacianVarianceByHand() {
        // At exactly the working size: every interior Laplacian is ±4·255, with mean 0.
        let result = features(SyntheticImages.checkerboard(width: 256, height: 256, cell: 1))
        #expect(abs(result.sharpness - 1020.0 * 1020) < 1)
    }

    @Test func sharpnessComparesAcrossSizes() {
        // The same scene at 512 and 1024 pixels: both shrink to one 256-pixel working image.
        let small = features(SyntheticImages.checkerboard(width: 512, height: 384, cell: 32))
        let large = features(SyntheticImages.checkerboard(width: 1024, height: 768, cell: 64))
        #expect(small.sharpness > 100)
        #expect(abs(small.sharpness - large.sharpness) / small.sharpness < 1e-4)
    }

    @Test func blurLowersSharpnessMonotonically() {
        let image = SyntheticImages.noise(width: 256, height: 256, seed: 5)
        let sharpness = [0.0, 1.0, 2.0, 4.0].map { sigma in
            features(sigma == 0 ? image : Augmentation.gaussianBlur(sigma: sigma).apply(to: image).image).sharpness
        }
        #expect(sharpness == sharpness.sorted(by: >))
        #expect(sharpness[3] < sharpness[0] / 20)
    }

    @Test func scaledJPEGDecodeKeepsFullResolutionSizeAndSimilarValues() throws {
        let scene = RasterImage(width: 800, height: 400, layout: .rgb) { x, y in
            [UInt8((x / 4) % 256), UInt8((y * 3) % 256), UInt8(((x + y) / 8) % 2 == 0 ? 40 : 200)]
        }
        let jpeg = try JPEGEncoder(quality: 95).encode(scene)
        let reduced = try ImageDecoder(options: extractor.decodeOptions()).decode(jpeg)
        let full = try ImageDecoder().decode(jpeg)
        #expect(reduced.raster.width == 400)
        let fast = extractor.features(of: reduced)
        let exact = extractor.features(of: full)
        #expect(fast.width == 800 && fast.height == 400 && fast.area == 320_000 && fast.aspectRatio == 0.5)
        #expect(abs(fast.brightness - exact.brightness) < 0.01)
        #expect(abs(fast.saturation - exact.saturation) < 0.02)
        #expect(abs(fast.colorfulness - exact.colorfulness) / exact.colorfulness < 0.05)
        #expect(abs(fast.sharpness - exact.sharpness) / exact.sharpness < 0.25)
    }

    @Test func boxFeaturesSeeInsideTheirBoxes() throws {
        // Left half flat black; right half a white/gray checkerboard. Decoded at half scale.
        let scene = RasterImage(width: 400, height: 200, layout: .gray) { x, y in
            x < 200 ? [0] : [((x / 4) + (y / 4)) % 2 == 0 ? 255 : 128]
        }
        let image = DecodedImage(
            raster: scene.resized(width: 200, height: 100), format: .png, originalSize: ImageSize(width: 400, height: 200))
        let boxes = [
            BoundingBox(xmin: 20, ymin: 20, xmax: 180, ymax: 180),
            BoundingBox(xmin: 220, ymin: 20, xmax: 380, ymax: 180),
            BoundingBox(xmin: 500, ymin: 500, xmax: 600, ymax: 600),
        ]
        let result = extractor.boxFeatures(of: boxes, in: image)
        let dark = try #require(result[0])
        let textured = try #require(result[1])
        #expect(dark.brightness == 0 && dark.sharpness == 0)
        #expect(abs(textured.brightness - (255.0 + 128) / 2 / 255) < 0.02)
        #expect(textured.sharpness > 100)
        #expect(result[2] == nil)
    }

    @Test func boxesWithUnusableCoordinatesAreSkippedNotTrappedOn() {
        let raster = RasterImage(width: 40, height: 30, layout: .gray, fill: [90])
        let image = DecodedImage(raster: raster, format: .png, originalSize: ImageSize(width: 40, height: 30))
        let result = extractor.boxFeatures(of: [
            BoundingBox(xmin: .nan, ymin: 0, xmax: 10, ymax: 10),
            BoundingBox(xmin: -1e300, ymin: -1e300, xmax: 1e300, ymax: 1e300),
            BoundingBox(xmin: 0, ymin: 0, xmax: .infinity, ymax: 5),
        ], in: image)
        #expect(result[0] == nil && result[2] == nil)
        #expect(abs((result[1]?.brightness ?? 0) - 90.0 / 255) < 1e-9, "a huge box is the whole image")
    }

    @Test func analysisCombinesImageGeometryAndBoxPixels() {
        let raster = RasterImage(width: 100, height: 50, layout: .gray, fill: [200])
        let image = DecodedImage(raster: raster, format: .png, originalSize: ImageSize(width: 100, height: 50))
        let analysis = extractor.analyze(image, shapes: [.bndbox(xmin: 0, ymin: 0, xmax: 50, ymax: 25), .bndbox(xmin: 25, ymin: 0, xmax: 75, ymax: 25)])
        #expect(analysis.boxGeometry.count == 2)
        #expect(analysis.boxGeometry.boxes[0].overlap == 0.5)
        #expect(analysis.boxPixels.count == 2)
        #expect(abs((analysis.boxPixels[0]?.brightness ?? 0) - 200.0 / 255) < 1e-6)
    }

    @Test(.enabled(if: SharedFixtures.available, Comment(rawValue: SharedFixtures.skipMessage)))
    func digitsPerturbationsShowInTheFeatures() throws {
        let root = try SharedFixtures.path("digits-classification")
        let truth = try String(contentsOfFile: root + "/ground-truth.jsonl", encoding: .utf8)
        var byPerturbation: [String: [ImageFeatures]] = [:]
        let decoder = ImageDecoder(options: extractor.decodeOptions())
        for line in truth.split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard record["corrupt"] == nil, let source = record["source"] as? String else { continue }
            // Every perturbed image, and the first 60 plain ones (enough for a median, quick in debug builds).
            if record["perturbation"] as? String == nil, byPerturbation["none", default: []].count >= 60 { continue }
            let image = try decoder.decodeFile(atPath: root + "/" + source)
            byPerturbation[record["perturbation"] as? String ?? "none", default: []].append(extractor.features(of: image))
        }
        func median(_ group: String, _ value: (ImageFeatures) -> Double) -> Double {
            let values = (byPerturbation[group] ?? []).map(value).sorted()
            return values.isEmpty ? .nan : values[values.count / 2]
        }
        let plain = try #require(byPerturbation["none"])
        #expect(plain.count == 60)
        #expect(median("dark", \.brightness) < median("none", \.brightness))
        #expect(median("bright", \.brightness) > median("none", \.brightness))
        #expect(median("invert", \.brightness) > median("none", \.brightness))
        #expect(median("blur", \.sharpness) < median("none", \.sharpness) / 2)
        #expect(median("noise", \.sharpness) > median("none", \.sharpness))
        #expect(byPerturbation["wide"]?.allSatisfy { $0.aspectRatio == 0.25 } == true)
        #expect(plain.allSatisfy { $0.aspectRatio == 1 && $0.saturation == 0 })
    }
}
