/// What a rule needs to score a sample, so the engine computes only that: a prediction-only run never
/// decodes an image or calls the model again.
public struct MiningRequirements: OptionSet, Sendable, Hashable {
    /// The bits of the set.
    public let rawValue: UInt16

    /// Creates a set from its raw bits.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// The model's answer (every rule).
    public static let prediction = MiningRequirements(rawValue: 1 << 0)
    /// The image size without pixels (box geometry, reasons 12–15 and 18).
    public static let imageSize = MiningRequirements(rawValue: 1 << 1)
    /// ``ImageFeatures`` (reasons 5–10): the image must be decoded.
    public static let imageFeatures = MiningRequirements(rawValue: 1 << 2)
    /// ``BoxPixelFeatures`` per detected box (reasons 16–17): the image must be decoded.
    public static let boxPixels = MiningRequirements(rawValue: 1 << 3)
    /// An embedding per sample (reasons 2, 3, 4, 30 and diverse selection).
    public static let embedding = MiningRequirements(rawValue: 1 << 4)
    /// The model's answers on augmented copies (reasons 19–29): extra model calls.
    public static let augmentations = MiningRequirements(rawValue: 1 << 5)
    /// Statistics of a reference set: the training manifest's, or the batch's own when there is none.
    public static let trainingStatistics = MiningRequirements(rawValue: 1 << 6)
    /// Other samples of the same batch (neighbours in order or in embedding space), so phase 2 must see
    /// the whole batch.
    public static let neighbours = MiningRequirements(rawValue: 1 << 7)

    /// Whether the image must be decoded to meet these requirements (an ``embedding`` may need it too,
    /// when the model sends none and the pipeline computes its built-in descriptor).
    public var needsPixels: Bool {
        !intersection([.imageFeatures, .boxPixels]).isEmpty
    }
}
