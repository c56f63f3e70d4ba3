public import Foundation

/// One image in a dataset: where it is, its labels, and what mining found about it.
public struct Sample: Sendable, Hashable, Codable, Identifiable {
    /// A stable identifier (32 lowercase hex characters).
    public var id: String
    /// The dataset the sample belongs to.
    public var datasetID: String
    /// Where the image is: an absolute path, `s3://`, `obs://` or `https://` URI. Unique within a dataset.
    public var source: String
    public var state: SampleState
    /// Classification labels and detection objects.
    public var labels: [Label]
    public var usage: Usage?
    /// Image size when known (from VOC `size`, or measured).
    public var imageSize: ImageSize?
    /// What hard-example mining found; `nil` when the sample was never mined or marked.
    public var hardExample: HardExampleInfo?
    /// The model's result file for this sample, when it came from a batch service.
    public var inferenceLocation: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String = Identifier.make(),
        datasetID: String,
        source: String,
        state: SampleState = .unlabeled,
        labels: [Label] = [],
        usage: Usage? = nil,
        imageSize: ImageSize? = nil,
        hardExample: HardExampleInfo? = nil,
        inferenceLocation: String? = nil,
        createdAt: Date = Date(),
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.datasetID = datasetID
        self.source = source
        self.state = state
        self.labels = labels
        self.usage = usage
        self.imageSize = imageSize
        self.hardExample = hardExample
        self.inferenceLocation = inferenceLocation
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Whether the sample carries the hard-example flag.
    public var isHard: Bool { hardExample?.isHard ?? false }
}
