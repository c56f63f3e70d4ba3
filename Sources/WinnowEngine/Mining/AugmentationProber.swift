public import WinnowCore
import WinnowImaging

/// Reasons 19–29: builds augmented copies of an image (seeded, so a run repeats), sends each to the
/// model, and returns the answers with detection boxes mapped back to the original image's frame.
public struct AugmentationProber: Sendable {
    /// The model answering.
    public let client: any ModelClient
    /// The model's type.
    public let type: LabelingType
    /// The augmentations tried, in reason order.
    public let kinds: [AugmentationKind]
    /// The seed of the augmentation parameters.
    public let seed: UInt64

    /// The augmentations tried when none are named: a geometric, a photometric and a blur check, each
    /// one extra model call per image (ModelArts' list has eleven; the rest are opt-in).
    public static let defaultKinds: [AugmentationKind] = [.gaussianBlur, .flipLeftRight, .add]

    /// A prober asking `client` about `kinds`.
    public init(client: any ModelClient, type: LabelingType, kinds: [AugmentationKind], seed: UInt64) {
        self.client = client
        self.type = type
        self.kinds = AugmentationKind.allCases.filter(kinds.contains)
        self.seed = seed
    }

    /// The model's answers on the augmented copies of the image at `path`, and a message for each copy
    /// that could not be built or answered (the others still count).
    public func probe(path: String, index: Int) async -> (answers: [AugmentationKind: Prediction], problems: [String]) {
        let raster: RasterImage
        let scaleX: Double
        let scaleY: Double
        do {
            let decoded = try ImageDecoder().decodeFile(atPath: path)
            raster = decoded.raster
            scaleX = Double(decoded.originalSize.width) / Double(max(1, raster.width))
            scaleY = Double(decoded.originalSize.height) / Double(max(1, raster.height))
        } catch {
            return ([:], ["\(path): \(error.description)"])
        }
        var answers: [AugmentationKind: Prediction] = [:]
        var problems: [String] = []
        let name = path.split(separator: "/").last.map(String.init) ?? "image"
        for kind in kinds {
            let sampleSeed = seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
            let augmented = kind.sample(seed: sampleSeed, imageWidth: raster.width, imageHeight: raster.height).apply(to: raster)
            do {
                let bytes = try PNGEncoder(compressionLevel: 1).encode(augmented.image)
                let body = try await client.predict(image: bytes, fileName: "\(name).\(kind.rawValue).png")
                var prediction = try PredictionCodec.decode(body, type: type, file: "\(path) (\(kind.rawValue))")
                if case .detection(var detection) = prediction.content {
                    detection.objects = detection.objects.map { object in
                        let box = augmented.mapping.toOriginal(BoundingBox(xmin: object.xmin, ymin: object.ymin, xmax: object.xmax, ymax: object.ymax))
                        return DetectedObject(
                            label: object.label, xmin: box.xmin * scaleX, ymin: box.ymin * scaleY, xmax: box.xmax * scaleX, ymax: box.ymax * scaleY,
                            score: object.score)
                    }
                    prediction.content = .detection(detection)
                }
                answers[kind] = prediction
            } catch {
                problems.append("\(path) (\(kind.rawValue)): \(error)")
            }
        }
        return (answers, problems)
    }
}
