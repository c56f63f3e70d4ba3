/// A PASCAL VOC annotation file, as ModelArts and its dataset SDK write it.
public struct VOCAnnotation: Sendable, Hashable {
    public var folder: String
    public var filename: String
    /// `path`, when present.
    public var path: String?
    /// `source/database`.
    public var sourceDatabase: String
    /// `source/annotation`, `source/image`, when present.
    public var sourceAnnotation: String?
    public var sourceImage: String?
    public var size: ImageSize
    /// `segmented` (0 or 1).
    public var segmented: Bool
    /// `mask_source` (segmentation), when present.
    public var maskSource: String?
    public var objects: [VOCObject]

    public init(
        folder: String,
        filename: String,
        path: String? = nil,
        sourceDatabase: String = "Unknown",
        sourceAnnotation: String? = nil,
        sourceImage: String? = nil,
        size: ImageSize,
        segmented: Bool = false,
        maskSource: String? = nil,
        objects: [VOCObject] = []
    ) {
        self.folder = folder
        self.filename = filename
        self.path = path
        self.sourceDatabase = sourceDatabase
        self.sourceAnnotation = sourceAnnotation
        self.sourceImage = sourceImage
        self.size = size
        self.segmented = segmented
        self.maskSource = maskSource
        self.objects = objects
    }
}

/// One `object` of a VOC file: a named shape with its flags.
public struct VOCObject: Sendable, Hashable {
    public var name: String
    public var pose: String?
    public var truncated: Bool
    public var occluded: Bool
    public var difficult: Bool
    /// `confidence` in [0, 1].
    public var confidence: Double?
    /// `hard-coefficient`, `difficult-coefficient` in [0, 1].
    public var hardCoefficient: Double?
    public var difficultCoefficient: Double?
    /// `hard` and `hard-reasons`, written by ModelArts when publishing with hard examples.
    public var hard: Bool?
    public var hardReasons: [Int]?
    /// `mask_color` `"R,G,B"` (segmentation).
    public var maskColor: String?
    /// Exactly one shape element.
    public var shape: Shape
    public var parts: [LabelPart]
    /// `properties`: simple `<key>value</key>` children and `<property><key/><value/></property>` pairs,
    /// in document order.
    public var properties: [VOCProperty]

    public init(
        name: String,
        pose: String? = "Unspecified",
        truncated: Bool = false,
        occluded: Bool = false,
        difficult: Bool = false,
        confidence: Double? = nil,
        hardCoefficient: Double? = nil,
        difficultCoefficient: Double? = nil,
        hard: Bool? = nil,
        hardReasons: [Int]? = nil,
        maskColor: String? = nil,
        shape: Shape,
        parts: [LabelPart] = [],
        properties: [VOCProperty] = []
    ) {
        self.name = name
        self.pose = pose
        self.truncated = truncated
        self.occluded = occluded
        self.difficult = difficult
        self.confidence = confidence
        self.hardCoefficient = hardCoefficient
        self.difficultCoefficient = difficultCoefficient
        self.hard = hard
        self.hardReasons = hardReasons
        self.maskColor = maskColor
        self.shape = shape
        self.parts = parts
        self.properties = properties
    }
}

/// A key/value property of a VOC object.
public struct VOCProperty: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
