/// A built-in image descriptor, no learned weights: deterministic, L2-normalised, ``dimension`` floats,
/// meant for near-duplicates, clustering and outliers (cosine similarity).
///
/// It concatenates, each block L2-normalised and weighted:
/// - 63 low-frequency DCT coefficients (8 × 8 without DC) of a 32 × 32 gray thumbnail: coarse layout;
/// - 128 gradient-orientation histograms (4 × 4 cells × 8 unsigned orientations, square-rooted): shape;
/// - 24 colour bins (8 hues × 2 saturations for colourful pixels, 8 brightness levels for all), square-rooted;
/// - 12 mean-colour values of a 2 × 2 grid, centred: colour layout.
public struct ImageEmbedder: Sendable {
    /// Floats per embedding.
    public static let dimension = DCTBlock.count + OrientationHistogram.count + ColorHistogram.count + ColorLayout.count
    /// Side of the square thumbnail everything is computed on.
    static let thumbnailSide = 32

    /// Relative weights of the DCT, orientation, colour-histogram and colour-layout blocks.
    public var weights: (dct: Float, orientation: Float, color: Float, layout: Float)

    /// An embedder with the default block weights.
    public init() {
        weights = (1, 1, 0.5, 0.5)
    }

    /// `base` asking for no more resolution than the thumbnail needs (JPEG then decodes at 1/8 scale
    /// for most photos).
    public func decodeOptions(_ base: DecodeOptions = DecodeOptions()) -> DecodeOptions {
        var options = base
        options.targetLongerSide = 2 * Self.thumbnailSide
        return options
    }

    /// The embedding of `image`: ``dimension`` floats with unit L2 norm (all zero only for an empty input).
    public func embedding(of image: RasterImage) -> [Float] {
        let side = Self.thumbnailSide
        let rgb = Resampler.resampleToFloat(image.layout == .rgba ? image.converted(to: .rgb) : image, width: side, height: side)
        let channels = image.layout == .gray ? 1 : 3
        var gray = [Float](repeating: 0, count: side * side)
        for index in 0..<(side * side) {
            gray[index] = channels == 1
                ? rgb[index]
                : 0.299 * rgb[index * 3] + 0.587 * rgb[index * 3 + 1] + 0.114 * rgb[index * 3 + 2]
        }
        var vector: [Float] = []
        vector.reserveCapacity(Self.dimension)
        vector += Self.normalized(DCTBlock.coefficients(gray, side: side), weight: weights.dct)
        vector += Self.normalized(OrientationHistogram.histogram(gray, side: side), weight: weights.orientation)
        vector += Self.normalized(ColorHistogram.histogram(rgb, channels: channels, count: side * side), weight: weights.color)
        vector += Self.normalized(ColorLayout.means(rgb, channels: channels, side: side), weight: weights.layout)
        return Self.normalized(vector, weight: 1)
    }

    /// Cosine similarity of two embeddings (their dot product, as both have unit norm).
    public static func similarity(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// `values` scaled to L2 norm `weight` (left at zero when all zero).
    static func normalized(_ values: [Float], weight: Float) -> [Float] {
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 1e-12 else { return values.map { _ in 0 } }
        return values.map { $0 / norm * weight }
    }
}
