/// What a model answered for one image, in the ModelArts output formats.
public struct Prediction: Sendable, Hashable {
    /// Classification or detection content.
    public var content: Content
    /// The optional `embedding` extension: a feature vector for mining.
    public var embedding: [Double]?

    public enum Content: Sendable, Hashable {
        case classification(ClassificationPrediction)
        case detection(DetectionPrediction)
    }

    public init(content: Content, embedding: [Double]? = nil) {
        self.content = content
        self.embedding = embedding
    }

    /// The labeling type this prediction is for.
    public var labelingType: LabelingType {
        switch content {
        case .classification: .imageClassification
        case .detection: .objectDetection
        }
    }
}

/// `{"predicted_label": "cat", "scores": [["cat", "0.97"], ["dog", "0.02"]]}`
public struct ClassificationPrediction: Sendable, Hashable {
    public var predictedLabel: String
    /// Class scores, highest first; possibly only the top k of all classes.
    public var scores: [ClassScore]

    public init(predictedLabel: String, scores: [ClassScore]) {
        self.predictedLabel = predictedLabel
        self.scores = scores
    }
}

/// One class and its score.
public struct ClassScore: Sendable, Hashable {
    public var label: String
    public var score: Double

    public init(label: String, score: Double) {
        self.label = label
        self.score = score
    }
}

/// `{"detection_classes": [...], "detection_boxes": [[ymin, xmin, ymax, xmax], ...], "detection_scores": [...]}`
public struct DetectionPrediction: Sendable, Hashable {
    public var objects: [DetectedObject]

    public init(objects: [DetectedObject]) {
        self.objects = objects
    }
}

/// One detected object: class, box in pixels, score.
public struct DetectedObject: Sendable, Hashable {
    public var label: String
    public var xmin: Double
    public var ymin: Double
    public var xmax: Double
    public var ymax: Double
    public var score: Double

    public init(label: String, xmin: Double, ymin: Double, xmax: Double, ymax: Double, score: Double) {
        self.label = label
        self.xmin = xmin
        self.ymin = ymin
        self.xmax = xmax
        self.ymax = ymax
        self.score = score
    }

    /// The box as a VOC shape.
    public var shape: Shape { .bndbox(xmin: xmin, ymin: ymin, xmax: xmax, ymax: ymax) }
}
