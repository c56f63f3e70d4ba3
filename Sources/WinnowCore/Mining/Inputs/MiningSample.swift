/// Everything the mining rules may look at for one sample of a batch output, filled by the engine and the
/// image pipeline. Only what the enabled rules need (``MiningRequirements``) has to be present.
public struct MiningSample: Sendable, Hashable {
    /// What the model answered: a parsed prediction, or why there is none.
    public enum Outcome: Sendable, Hashable {
        /// The model's answer.
        case prediction(Prediction)
        /// The inference failed (`result: FAILED`) or its answer could not be read; the text says why.
        case failure(String)
    }

    /// The sample's position in the batch (the output manifest's line order); ties are broken by it.
    public var index: Int
    /// The image, as the output manifest names it (`source`); also the natural sort key of reason 4.
    public var source: String
    /// The model's answer or the failure.
    public var outcome: Outcome
    /// The image size, when known without decoding (VOC `size`, image header); else taken from
    /// ``imageFeatures``. Box features (reasons 12–15, 18) need it.
    public var imageSize: ImageSize?
    /// Image features (reasons 5–10).
    public var imageFeatures: ImageFeatures?
    /// Brightness and sharpness inside each detected box (reasons 16–17), index-aligned with the
    /// prediction's `objects` (all of them, before any score floor); `nil` entries for boxes the pipeline
    /// could not measure.
    public var boxPixels: [BoxPixelFeatures?]?
    /// A feature vector (reasons 2, 3, 4, 30 and diverse selection): the model's `embedding` when it sent
    /// one, else the pipeline's built-in descriptor. Every sample of a run, and the training reference,
    /// must use the same kind of vector.
    public var embedding: [Double]?
    /// The model's answers on augmented copies (reasons 19–29). For detection the boxes must already be
    /// mapped back to the original image's frame.
    public var augmentedPredictions: [AugmentationKind: Prediction]
    /// When the image was captured, in seconds on any fixed clock (reason 4 orders by it when every
    /// sample has one; otherwise by the natural order of ``source``).
    public var captureTime: Double?

    /// A sample with the given parts; `embedding` defaults to the prediction's own `embedding`.
    public init(
        index: Int,
        source: String,
        outcome: Outcome,
        imageSize: ImageSize? = nil,
        imageFeatures: ImageFeatures? = nil,
        boxPixels: [BoxPixelFeatures?]? = nil,
        embedding: [Double]? = nil,
        augmentedPredictions: [AugmentationKind: Prediction] = [:],
        captureTime: Double? = nil
    ) {
        self.index = index
        self.source = source
        self.outcome = outcome
        self.imageSize = imageSize
        self.imageFeatures = imageFeatures
        self.boxPixels = boxPixels
        if let embedding {
            self.embedding = embedding
        } else if case .prediction(let prediction) = outcome {
            self.embedding = prediction.embedding
        } else {
            self.embedding = nil
        }
        self.augmentedPredictions = augmentedPredictions
        self.captureTime = captureTime
    }

    /// A sample whose only input is the model's answer.
    public init(index: Int, source: String, prediction: Prediction) {
        self.init(index: index, source: source, outcome: .prediction(prediction))
    }

    /// The prediction, or `nil` for a failure.
    public var prediction: Prediction? {
        if case .prediction(let prediction) = outcome { return prediction }
        return nil
    }

    /// The image size from ``imageSize`` or, failing that, ``imageFeatures``.
    public var knownImageSize: ImageSize? {
        imageSize ?? imageFeatures?.size
    }
}
