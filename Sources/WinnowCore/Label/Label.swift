/// A label on a sample: a class name for classification, an object with a shape for detection.
public struct Label: Sendable, Hashable, Codable {
    public var type: LabelingType
    /// The class name.
    public var name: String
    /// The object's position (detection); `nil` for classification.
    public var shape: Shape?
    /// Model confidence in [0, 1], when a machine produced the label.
    public var confidence: Double?
    /// Who produced the label: `human` (the default) or a machine such as `modelarts/active-learning`.
    public var annotatedBy: String?
    /// When the label was written, `yyyy-MM-dd HH:mm:ss`.
    public var creationTime: String?
    /// Free properties (`property` in manifests, `properties` in VOC).
    public var properties: JSONValue?
    /// VOC `pose`.
    public var pose: String?
    public var truncated: Bool
    public var occluded: Bool
    public var difficult: Bool
    /// Label-level hard flag and coefficient.
    public var hard: Bool?
    public var hardCoefficient: Double?
    /// VOC `part` elements (a head inside a person, …).
    public var parts: [LabelPart]

    public init(
        type: LabelingType,
        name: String,
        shape: Shape? = nil,
        confidence: Double? = nil,
        annotatedBy: String? = nil,
        creationTime: String? = nil,
        properties: JSONValue? = nil,
        pose: String? = nil,
        truncated: Bool = false,
        occluded: Bool = false,
        difficult: Bool = false,
        hard: Bool? = nil,
        hardCoefficient: Double? = nil,
        parts: [LabelPart] = []
    ) {
        self.type = type
        self.name = name
        self.shape = shape
        self.confidence = confidence
        self.annotatedBy = annotatedBy
        self.creationTime = creationTime
        self.properties = properties
        self.pose = pose
        self.truncated = truncated
        self.occluded = occluded
        self.difficult = difficult
        self.hard = hard
        self.hardCoefficient = hardCoefficient
        self.parts = parts
    }

    /// Whether a person made or confirmed this label (`annotated-by` absent or `human`).
    public var isConfirmed: Bool { annotatedBy == nil || annotatedBy == "human" }
}

/// A VOC `part` of an object: a name, an optional confidence and a shape.
public struct LabelPart: Sendable, Hashable, Codable {
    public var name: String
    public var confidence: Double?
    public var shape: Shape

    public init(name: String, confidence: Double? = nil, shape: Shape) {
        self.name = name
        self.confidence = confidence
        self.shape = shape
    }
}
