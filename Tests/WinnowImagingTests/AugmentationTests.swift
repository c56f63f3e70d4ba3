import Testing
import WinnowCore
@testable import WinnowImaging

@Suite struct AugmentationTests {
    /// Black 120 x 80 with a white rectangle at x 30..<50, y 20..<44.
    static let scene = RasterImage(width: 120, height: 80, layout: .rgb) { x, y in
        (30..<50).contains(x) && (20..<44).contains(y) ? [255, 255, 255] : [0, 0, 0]
    }
    static let object = BoundingBox(xmin: 30, ymin: 20, xmax: 50, ymax: 44)

    /// The box around pixels brighter than half, and their centroid, in continuous coordinates.
    static func brightRegion(_ image: RasterImage) -> (box: BoundingBox, centroid: Point)? {
        var xs: [Int] = [], ys: [Int] = []
        for y in 0..<image.height {
            for x in 0..<image.width where image[x, y][0] > 127 {
                xs.append(x)
                ys.append(y)
            }
        }
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else { return nil }
        let centroid = Point(x: Double(xs.reduce(0, +)) / Double(xs.count) + 0.5, y: Double(ys.reduce(0, +)) / Double(ys.count) + 0.5)
        return (BoundingBox(xmin: Double(minX), ymin: Double(minY), xmax: Double(maxX + 1), ymax: Double(maxY + 1)), centroid)
    }

    @Test func flippedBoxMapsBackToTheOriginalBox() throws {
        let flipped = Augmentation.flipLeftRight.apply(to: Self.scene)
        #expect(flipped.image[0, 0] == Self.scene[119, 0])
        let region = try #require(Self.brightRegion(flipped.image))
        #expect(region.box == BoundingBox(xmin: 70, ymin: 20, xmax: 90, ymax: 44))
        #expect(flipped.mapping.toOriginal(region.box) == Self.object)

        let upsideDown = Augmentation.flipUpDown.apply(to: Self.scene)
        let vertical = try #require(Self.brightRegion(upsideDown.image))
        #expect(vertical.box == BoundingBox(xmin: 30, ymin: 36, xmax: 50, ymax: 60))
        #expect(upsideDown.mapping.toOriginal(vertical.box) == Self.object)
    }

    @Test func flippingTwiceIsTheIdentity() {
        let image = SyntheticImages.noise(width: 13, height: 7, seed: 2)
        #expect(Augmentation.flipLeftRight.apply(to: Augmentation.flipLeftRight.apply(to: image).image).image == image)
        #expect(Augmentation.flipUpDown.apply(to: Augmentation.flipUpDown.apply(to: image).image).image == image)
    }

    @Test(arguments: [
        Augmentation.crop(top: 0.1, right: 0.2, bottom: 0, left: 0.1),
        .scale(factor: 0.8), .scale(factor: 1.2),
        .translate(x: 0.1, y: -0.05),
        .flipLeftRight, .flipUpDown,
    ])
    func objectFoundInTheAugmentedImageMapsBackToTheOriginal(augmentation: Augmentation) throws {
        let augmented = augmentation.apply(to: Self.scene)
        #expect(augmented.image.width == 120 && augmented.image.height == 80)
        let region = try #require(Self.brightRegion(augmented.image))
        let back = augmented.mapping.toOriginal(region.box)
        for (mapped, original) in [(back.xmin, 30.0), (back.ymin, 20.0), (back.xmax, 50.0), (back.ymax, 44.0)] {
            #expect(abs(mapped - original) <= 1.5, "\(augmentation): \(back) vs \(Self.object)")
        }
    }

    @Test(arguments: [-12.0, 8.0])
    func shearedObjectCentreMapsBack(degrees: Double) throws {
        let augmented = Augmentation.shear(degrees: degrees).apply(to: Self.scene)
        let region = try #require(Self.brightRegion(augmented.image))
        let centre = augmented.mapping.toOriginal(region.centroid)
        #expect(abs(centre.x - 40) < 0.75 && abs(centre.y - 32) < 0.75, "\(centre)")
        // The object moved sideways: it sits above the centre row, so a positive shear moves it right.
        #expect((region.centroid.x - 40) * degrees > 0)
    }

    @Test func cropMappingIsTheCropRectangle() {
        let augmented = Augmentation.crop(top: 0.1, right: 0.2, bottom: 0, left: 0.1).apply(to: Self.scene)
        // x: 12..<96 of 120; y: 8..<80 of 80.
        #expect(augmented.mapping.toOriginal(BoundingBox(xmin: 0, ymin: 0, xmax: 120, ymax: 80)) == BoundingBox(xmin: 12, ymin: 8, xmax: 96, ymax: 80))
    }

    @Test func mappingsInvertAndMapEveryShape() throws {
        let mapping = Augmentation.shear(degrees: 10).apply(to: Self.scene).mapping
        let inverse = try #require(mapping.inverse(augmentedWidth: 120, augmentedHeight: 80))
        let point = Point(x: 17, y: 61)
        let roundTrip = mapping.toOriginal(inverse.toOriginal(point))
        #expect(abs(roundTrip.x - point.x) < 1e-9 && abs(roundTrip.y - point.y) < 1e-9)
        let flip = Augmentation.flipLeftRight.apply(to: Self.scene).mapping
        #expect(flip.toOriginal(Shape.polygon([Point(x: 0, y: 1), Point(x: 10, y: 2)])) == .polygon([Point(x: 120, y: 1), Point(x: 110, y: 2)]))
        #expect(flip.toOriginal(Shape.circle(center: Point(x: 20, y: 5), radius: 3)) == .circle(center: Point(x: 100, y: 5), radius: 3))
        #expect(flip.toOriginal(Shape.bndbox(xmin: -10, ymin: 0, xmax: 10, ymax: 10)) == .bndbox(xmin: 110, ymin: 0, xmax: 120, ymax: 10))
    }

    @Test func photometricAugmentationsChangeValuesAsDefined() {
        let gray = RasterImage(width: 4, height: 4, layout: .rgba, fill: [100, 200, 250, 77])
        #expect(Augmentation.add(value: 30).apply(to: gray).image[1, 1] == [130, 230, 255, 77])
        #expect(Augmentation.add(value: -120).apply(to: gray).image[1, 1] == [0, 80, 130, 77])
        #expect(Augmentation.invert.apply(to: gray).image[2, 3] == [155, 55, 5, 77])
        // Flat images stay flat under blur and under a lightness-1 sharpen.
        #expect(Augmentation.gaussianBlur(sigma: 2).apply(to: gray).image == gray)
        #expect(Augmentation.sharpen(alpha: 0.7, lightness: 1).apply(to: gray).image == gray)
        #expect(Augmentation.sharpen(alpha: 0, lightness: 1.5).apply(to: gray).image == gray)
        for kind in [Augmentation.add(value: 5), .invert, .gaussianBlur(sigma: 1), .sharpen(alpha: 0.3, lightness: 1)] {
            #expect(kind.apply(to: gray).mapping == FrameMapping.identity(width: 4, height: 4))
        }
    }

    @Test func sharpenRaisesAndBlurLowersSharpness() {
        let extractor = ImageFeatureExtractor()
        func sharpness(_ image: RasterImage) -> Double {
            extractor.features(of: DecodedImage(raster: image, format: .png, originalSize: ImageSize(width: image.width, height: image.height))).sharpness
        }
        let image = Augmentation.gaussianBlur(sigma: 1.5).apply(to: SyntheticImages.noise(width: 256, height: 256, seed: 9)).image
        #expect(sharpness(Augmentation.sharpen(alpha: 0.5, lightness: 1).apply(to: image).image) > sharpness(image) * 2)
        #expect(sharpness(Augmentation.gaussianBlur(sigma: 2).apply(to: image).image) < sharpness(image) / 2)
    }

    @Test func superpixelsAreDeterministicAndFlattenSegments() {
        let image = SyntheticImages.noise(width: 96, height: 64, seed: 4)
        let once = Augmentation.superpixels(segments: 24, replaceProbability: 1, seed: 1).apply(to: image).image
        let again = Augmentation.superpixels(segments: 24, replaceProbability: 1, seed: 1).apply(to: image).image
        #expect(once == again)
        let colours = Set(stride(from: 0, to: once.pixels.count, by: 3).map { [once.pixels[$0], once.pixels[$0 + 1], once.pixels[$0 + 2]] })
        #expect(colours.count <= 40)
        #expect(Augmentation.superpixels(segments: 24, replaceProbability: 0, seed: 1).apply(to: image).image == image)
        let half = Augmentation.superpixels(segments: 24, replaceProbability: 0.5, seed: 1).apply(to: image).image
        let otherSeed = Augmentation.superpixels(segments: 24, replaceProbability: 0.5, seed: 2).apply(to: image).image
        #expect(half != image && half != once && half != otherSeed)
    }

    @Test(arguments: [
        Augmentation.gaussianBlur(sigma: .infinity), .gaussianBlur(sigma: .nan), .crop(top: .nan, right: 2, bottom: -1, left: .infinity),
        .scale(factor: .nan), .scale(factor: 0), .translate(x: .infinity, y: .nan), .shear(degrees: 90), .shear(degrees: .nan),
        .sharpen(alpha: .nan, lightness: .infinity), .add(value: Int.max), .add(value: Int.min), .superpixels(segments: Int.max, replaceProbability: .nan, seed: 0),
    ])
    func outOfRangeParametersNeverTrap(augmentation: Augmentation) {
        let image = SyntheticImages.noise(width: 9, height: 7, seed: 3)
        let result = augmentation.apply(to: image)
        #expect(result.image.width == 9 && result.image.height == 7)
    }

    @Test func samplingIsDeterministicPerSeedAndCoversReasons19To29() {
        #expect(AugmentationKind.allCases.map(\.reasonID) == Array(19...29))
        for kind in AugmentationKind.allCases {
            let reason = HardReason.withID(kind.reasonID)
            #expect(reason?.group == .augmentationConsistency)
            let first = kind.sample(seed: 42, imageWidth: 640, imageHeight: 480)
            #expect(first == kind.sample(seed: 42, imageWidth: 640, imageHeight: 480))
            #expect(first.kind == kind)
            if ![AugmentationKind.flipLeftRight, .flipUpDown, .invert].contains(kind) {
                #expect(first != kind.sample(seed: 43, imageWidth: 640, imageHeight: 480))
            }
        }
    }
}
