/// One image of a reference set (usually the training manifest): its labels or boxes, and whatever the
/// pipeline measured on it.
public struct ReferenceItem: Sendable, Hashable {
    /// A labelled box.
    public struct LabeledBox: Sendable, Hashable {
        /// The class name.
        public var label: String
        /// Where the object is, in pixels.
        public var box: BoundingBox

        /// A box with its label.
        public init(label: String, box: BoundingBox) {
            self.label = label
            self.box = box
        }
    }

    /// Classification labels (the first is the image's class).
    public var classLabels: [String]
    /// Detection objects.
    public var boxes: [LabeledBox]
    /// The image size (VOC `size`), needed for box area ratio, marginalization and spread.
    public var imageSize: ImageSize?
    /// Image features, when the pipeline measured them.
    public var imageFeatures: ImageFeatures?
    /// Pixel features per box, aligned with ``boxes``.
    public var boxPixels: [BoxPixelFeatures?]?
    /// The embedding, of the same kind as the batch's.
    public var embedding: [Double]?
    /// The model's answer on this training image, when available: gives per-class mean self-confidence
    /// (cleanlab's `t_c`) for reason 1.
    public var prediction: ClassificationPrediction?

    /// An item with the given parts.
    public init(
        classLabels: [String] = [], boxes: [LabeledBox] = [], imageSize: ImageSize? = nil, imageFeatures: ImageFeatures? = nil,
        boxPixels: [BoxPixelFeatures?]? = nil, embedding: [Double]? = nil, prediction: ClassificationPrediction? = nil
    ) {
        self.classLabels = classLabels
        self.boxes = boxes
        self.imageSize = imageSize
        self.imageFeatures = imageFeatures
        self.boxPixels = boxPixels
        self.embedding = embedding
        self.prediction = prediction
    }

    /// An item from a sample's labels: labels with a shape become boxes (by their bounding box), the
    /// others class labels.
    public init(labels: [Label], imageSize: ImageSize? = nil, imageFeatures: ImageFeatures? = nil, embedding: [Double]? = nil) {
        var classLabels: [String] = []
        var boxes: [LabeledBox] = []
        for label in labels {
            if let shape = label.shape {
                boxes.append(LabeledBox(label: label.name, box: BoundingBox(shape)))
            } else {
                classLabels.append(label.name)
            }
        }
        self.init(classLabels: classLabels, boxes: boxes, imageSize: imageSize, imageFeatures: imageFeatures, embedding: embedding)
    }

    /// An item from a PASCAL VOC annotation (its objects and size).
    public init(voc: VOCAnnotation, imageFeatures: ImageFeatures? = nil, embedding: [Double]? = nil) {
        self.init(
            boxes: voc.objects.map { LabeledBox(label: $0.name, box: BoundingBox($0.shape)) },
            imageSize: voc.size, imageFeatures: imageFeatures, embedding: embedding)
    }

    /// The image's class for reasons 2 and 3: the first class label; for detection, the most frequent
    /// box label (ties: the smallest name).
    public var imageLabel: String? {
        if let first = classLabels.first { return first }
        return Self.dominantLabel(boxes.map(\.label))
    }

    /// The most frequent of `labels` (ties: the smallest name), or `nil` when empty.
    static func dominantLabel(_ labels: [String]) -> String? {
        var counts: [String: Int] = [:]
        for label in labels { counts[label, default: 0] += 1 }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
