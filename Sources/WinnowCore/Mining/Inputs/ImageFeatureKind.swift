/// The six image features of reasons 5–10, each with the scale it is compared on.
public enum ImageFeatureKind: Int, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// Resolution as area (reason 5), compared on a log scale.
    case area = 5
    /// Height / width (reason 6), compared on a log scale.
    case aspectRatio = 6
    /// Brightness (reason 7), linear.
    case brightness = 7
    /// Saturation (reason 8), linear.
    case saturation = 8
    /// Colorfulness (reason 9), linear.
    case colorfulness = 9
    /// Sharpness, the variance of the Laplacian (reason 10), compared on a `log(1 + x)` scale.
    case sharpness = 10

    /// The reason this feature's drift reports.
    public var reasonID: Int { rawValue }

    /// The scale the feature is compared on.
    public var scale: FeatureScale {
        switch self {
        case .area, .aspectRatio: .logarithmic
        case .sharpness: .logarithmicPlusOne
        case .brightness, .saturation, .colorfulness: .linear
        }
    }

    /// A short name for details: `resolution (area)`, `aspect ratio`, …
    public var name: String {
        switch self {
        case .area: "resolution (area)"
        case .aspectRatio: "aspect ratio (h/w)"
        case .brightness: "brightness"
        case .saturation: "saturation"
        case .colorfulness: "colorfulness"
        case .sharpness: "sharpness"
        }
    }

    /// The feature's value in `features`.
    public func value(in features: ImageFeatures) -> Double {
        switch self {
        case .area: features.area
        case .aspectRatio: features.aspectRatio
        case .brightness: features.brightness
        case .saturation: features.saturation
        case .colorfulness: features.colorfulness
        case .sharpness: features.sharpness
        }
    }
}
