import WinnowImaging

/// One line of `winnow image features --json`: the file and its features, or its error.
struct ImageFeaturesLine: Encodable {
    var file: String
    var format: String?
    var features: ImageFeatures?
    var error: ImageErrorView?

    func encode(to encoder: any Encoder) throws {
        // Flat: {"file", "format", "width", …, "sharpness"} or {"file", "error": {…}}.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encodeIfPresent(format, forKey: .format)
        try container.encodeIfPresent(error, forKey: .error)
        try features?.encode(to: encoder)
    }

    enum CodingKeys: String, CodingKey {
        case file, format, error
    }
}

/// One line of `winnow image embed`: the file and its embedding, or its error.
struct ImageEmbeddingLine: Encodable {
    var file: String
    var embedding: [Float]?
    var error: ImageErrorView?
}

/// An ``ImageError`` as JSON.
struct ImageErrorView: Encodable {
    var code: String
    var message: String

    init(_ error: ImageError) {
        code = error.code.rawValue
        message = error.message
    }
}
