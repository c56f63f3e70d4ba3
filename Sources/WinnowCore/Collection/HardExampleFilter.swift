/// A batch service's hard-example filtering settings (ModelArts: model type, training manifest,
/// output dataset). There is no filtering rule for batch services: all data is covered.
public struct HardExampleFilter: Sendable, Hashable, Codable {
    /// Whether filtering runs when the service finishes.
    public var enabled: Bool
    /// The model's type: image classification or object detection.
    public var modelType: LabelingType
    /// The manifest of the data the model was trained on (optional, recommended).
    public var trainingManifest: String?
    /// The dataset the hard examples go to; its type equals ``modelType``.
    public var datasetID: String
    public var datasetName: String
    /// The mining thresholds, reasons and budget; `nil` for the defaults.
    public var configuration: MiningConfiguration?

    public init(
        enabled: Bool = true, modelType: LabelingType, trainingManifest: String? = nil, datasetID: String, datasetName: String,
        configuration: MiningConfiguration? = nil
    ) {
        self.enabled = enabled
        self.modelType = modelType
        self.trainingManifest = trainingManifest
        self.datasetID = datasetID
        self.datasetName = datasetName
        self.configuration = configuration
    }
}
