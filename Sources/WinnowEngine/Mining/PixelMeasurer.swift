public import WinnowCore
import WinnowImaging

/// Measures what the mining rules need from an image's pixels — image features (reasons 5–10), box
/// pixel features (16–17), the built-in embedding (2–4, 30, diverse selection) and the image size —
/// decoding each image once, at the smallest scale those measurements allow.
public struct PixelMeasurer: Sendable {
    /// What to measure.
    public struct Needs: Sendable, Hashable {
        /// Image features.
        public var features: Bool
        /// Brightness and sharpness inside boxes.
        public var boxPixels: Bool
        /// The built-in embedding.
        public var embedding: Bool

        /// Needs with the given parts.
        public init(features: Bool = false, boxPixels: Bool = false, embedding: Bool = false) {
            self.features = features
            self.boxPixels = boxPixels
            self.embedding = embedding
        }

        /// Whether nothing but the size is needed.
        public var isEmpty: Bool { !features && !boxPixels && !embedding }
    }

    /// One image's measurements.
    public struct Measurement: Sendable, Hashable {
        /// Full-resolution, upright size.
        public var size: ImageSize
        /// Image features, when asked for.
        public var features: ImageFeatures?
        /// Box pixel features aligned with the boxes given, when asked for.
        public var boxPixels: [BoxPixelFeatures?]?
        /// The built-in embedding, when asked for.
        public var embedding: [Double]?
    }

    private let extractor = ImageFeatureExtractor()
    private let embedder = ImageEmbedder()

    /// A measurer with the pipeline's default working sizes.
    public init() {}

    /// Measures the image at `path`; `boxes` are in full-resolution pixels.
    /// - Throws: ``PixelMeasurementError`` naming the file when it cannot be read or decoded.
    public func measure(path: String, boxes: [BoundingBox] = [], needs: Needs) throws(PixelMeasurementError) -> Measurement {
        try measure(name: path, boxes: boxes, needs: needs) { decoder throws(ImageError) in try decoder.decodeFile(atPath: path) }
    }

    /// Measures an image held in memory (fetched from object storage); `name` names it in errors.
    /// - Throws: ``PixelMeasurementError`` naming `name` when the bytes cannot be decoded.
    public func measure(bytes: [UInt8], name: String, boxes: [BoundingBox] = [], needs: Needs) throws(PixelMeasurementError) -> Measurement {
        try measure(name: name, boxes: boxes, needs: needs) { decoder throws(ImageError) in try decoder.decode(bytes, file: name) }
    }

    private func measure(
        name: String, boxes: [BoundingBox], needs: Needs, decode: (ImageDecoder) throws(ImageError) -> DecodedImage
    ) throws(PixelMeasurementError) -> Measurement {
        var options = extractor.decodeOptions(measuringBoxes: needs.boxPixels && !boxes.isEmpty)
        if needs.embedding, let target = options.targetLongerSide {
            options.targetLongerSide = max(target, embedder.decodeOptions().targetLongerSide ?? target)
        }
        let image: DecodedImage
        do {
            image = try decode(ImageDecoder(options: options))
        } catch {
            throw PixelMeasurementError(path: name, message: error.description)
        }
        var measurement = Measurement(size: image.originalSize)
        if needs.features { measurement.features = extractor.features(of: image) }
        if needs.boxPixels { measurement.boxPixels = extractor.boxFeatures(of: boxes, in: image) }
        if needs.embedding { measurement.embedding = embedder.embedding(of: image.raster).map(Double.init) }
        return measurement
    }
}

/// An image mining needed could not be read or decoded.
public struct PixelMeasurementError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The image's path.
    public var path: String
    /// What went wrong.
    public var message: String

    public var description: String { message.contains(path) ? message : "\(path): \(message)" }
}
