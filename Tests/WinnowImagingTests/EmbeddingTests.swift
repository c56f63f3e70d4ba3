import Testing
@testable import WinnowImaging

@Suite struct EmbeddingTests {
    let embedder = ImageEmbedder()

    @Test func embeddingsHaveTheStatedSizeAndUnitNorm() {
        #expect(ImageEmbedder.dimension == 227)
        for image in [SyntheticImages.noise(width: 50, height: 30, seed: 1), SyntheticImages.checkerboard(width: 64, height: 64, cell: 8),
                      RasterImage(width: 8, height: 8, layout: .rgba, fill: [10, 200, 30, 255])] {
            let vector = embedder.embedding(of: image)
            #expect(vector.count == ImageEmbedder.dimension)
            #expect(abs(ImageEmbedder.similarity(vector, vector) - 1) < 1e-4)
        }
    }

    @Test func embeddingIsDeterministic() {
        let image = SyntheticImages.noise(width: 40, height: 40, seed: 3)
        #expect(embedder.embedding(of: image) == embedder.embedding(of: image))
    }

    @Test func nearDuplicatesAreCloserThanDifferentImages() throws {
        // A scene; the same scene re-encoded as JPEG, resized and brightened; and unrelated scenes.
        let scene = RasterImage(width: 200, height: 150, layout: .rgb) { x, y in
            let inDisc = (x - 70) * (x - 70) + (y - 60) * (y - 60) < 900
            return inDisc ? [220, 40, 40] : (y > 110 ? [40, 140, 40] : [120, 170, 230])
        }
        let jpeg = try ImageDecoder().decode(try JPEGEncoder(quality: 60).encode(scene)).raster
        let resized = scene.resized(width: 120, height: 90)
        let brighter = Augmentation.add(value: 25).apply(to: scene).image
        let other = SyntheticImages.checkerboard(width: 200, height: 150, cell: 25)
        let mirrored = Augmentation.flipUpDown.apply(to: scene).image
        let base = embedder.embedding(of: scene)
        let duplicates = [jpeg, resized, brighter].map { ImageEmbedder.similarity(base, embedder.embedding(of: $0)) }
        let unrelated = [other, mirrored, SyntheticImages.noise(width: 200, height: 150, seed: 8)].map { ImageEmbedder.similarity(base, embedder.embedding(of: $0)) }
        #expect(duplicates.allSatisfy { $0 > 0.95 }, "\(duplicates)")
        #expect((unrelated.max() ?? 1) < (duplicates.min() ?? 0) - 0.1, "\(unrelated) vs \(duplicates)")
    }

    @Test func grayAndColourVersionsOfAGrayImageAgree() {
        let gray = SyntheticImages.checkerboard(width: 48, height: 48, cell: 6, low: 30, high: 220)
        let a = embedder.embedding(of: gray)
        let b = embedder.embedding(of: gray.converted(to: .rgb))
        #expect(ImageEmbedder.similarity(a, b) > 0.9999)
    }
}
