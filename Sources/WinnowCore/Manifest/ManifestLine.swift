/// One line of a ModelArts manifest: one sample, as written on the wire.
///
/// Field names follow the ModelArts spelling (`inference-loc`, `hard-coefficient`, …); the codec
/// also reads the underscore spellings. Keys Winnow does not know are kept in ``extra`` so that a
/// manifest read and written again loses nothing.
public struct ManifestLine: Sendable, Hashable {
    /// `source`: the object to label or infer on, as written (resolve it with ``ResourceLocation``).
    public var source: String
    /// `usage`, parsed case-insensitively.
    public var usage: Usage?
    /// `id`.
    public var id: String?
    /// `annotation`.
    public var annotations: [ManifestAnnotation]
    /// `inference-loc`: the batch service's result file for this line.
    public var inferenceLocation: String?
    /// `hard`: written as a string (`"true"`) or a boolean.
    public var hard: Bool?
    /// `hard-coefficient` in [0, 1].
    public var hardCoefficient: Double?
    /// `hard-reasons`: IDs 0–30, written `"3-20-21"`.
    public var hardReasons: [Int]?
    /// `sample-type`: 0 image, 1 text, 2 audio, 4 table, 6 video.
    public var sampleType: Int?
    /// `source-type`.
    public var sourceType: String?
    /// `property` (the source's property).
    public var property: JSONValue?
    /// `result` in batch output manifests: `SUCCESSFUL` or `FAILED`.
    public var result: String?
    /// `error_message` in batch output manifests.
    public var errorMessage: String?
    /// Keys not listed above, kept for round trips.
    public var extra: [String: JSONValue]

    public init(
        source: String,
        usage: Usage? = nil,
        id: String? = nil,
        annotations: [ManifestAnnotation] = [],
        inferenceLocation: String? = nil,
        hard: Bool? = nil,
        hardCoefficient: Double? = nil,
        hardReasons: [Int]? = nil,
        sampleType: Int? = nil,
        sourceType: String? = nil,
        property: JSONValue? = nil,
        result: String? = nil,
        errorMessage: String? = nil,
        extra: [String: JSONValue] = [:]
    ) {
        self.source = source
        self.usage = usage
        self.id = id
        self.annotations = annotations
        self.inferenceLocation = inferenceLocation
        self.hard = hard
        self.hardCoefficient = hardCoefficient
        self.hardReasons = hardReasons
        self.sampleType = sampleType
        self.sourceType = sourceType
        self.property = property
        self.result = result
        self.errorMessage = errorMessage
        self.extra = extra
    }
}

/// One element of a manifest line's `annotation` array.
public struct ManifestAnnotation: Sendable, Hashable {
    /// `type`, e.g. `modelarts/image_classification`.
    public var type: LabelingType
    /// `name`: the class name (mandatory for classification).
    public var name: String?
    /// `id`.
    public var id: String?
    /// `property`: usually an object; some ModelArts exports write a JSON-encoded string.
    public var property: JSONValue?
    /// `hard`.
    public var hard: Bool?
    /// `hard-coefficient`.
    public var hardCoefficient: Double?
    /// `annotated-by`, `human` by default.
    public var annotatedBy: String?
    /// `creation-time`, `yyyy-MM-dd HH:mm:ss`.
    public var creationTime: String?
    /// `confidence` in [0, 1].
    public var confidence: Double?
    /// `annotation-loc`: the PASCAL VOC file (mandatory for detection), as written.
    public var annotationLocation: String?
    /// `annotation-format`, `PASCAL VOC` by default.
    public var annotationFormat: String?
    /// Keys not listed above, kept for round trips.
    public var extra: [String: JSONValue]

    public init(
        type: LabelingType,
        name: String? = nil,
        id: String? = nil,
        property: JSONValue? = nil,
        hard: Bool? = nil,
        hardCoefficient: Double? = nil,
        annotatedBy: String? = nil,
        creationTime: String? = nil,
        confidence: Double? = nil,
        annotationLocation: String? = nil,
        annotationFormat: String? = nil,
        extra: [String: JSONValue] = [:]
    ) {
        self.type = type
        self.name = name
        self.id = id
        self.property = property
        self.hard = hard
        self.hardCoefficient = hardCoefficient
        self.annotatedBy = annotatedBy
        self.creationTime = creationTime
        self.confidence = confidence
        self.annotationLocation = annotationLocation
        self.annotationFormat = annotationFormat
        self.extra = extra
    }
}
