/// The eight box features of reasons 11–18 (detection), each image-level or per box, with the scale it is
/// compared on.
public enum BoxFeatureKind: Int, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// Number of boxes in the image (reason 11), compared on a `log(1 + x)` scale.
    case count = 11
    /// Standard deviation of the boxes' area ratios in the image, 0 with one box (reason 12); area ratios
    /// rather than pixel areas so images of different sizes compare. Linear.
    case areaSpread = 12
    /// Box height / width (reason 13), per box, log scale.
    case aspectRatio = 13
    /// Box area / image area (reason 14), per box, log scale.
    case areaRatio = 14
    /// Distance from the box centre to the image centre / half the image diagonal (reason 15), per box,
    /// linear: 0 at the centre, 1 at a corner.
    case marginalization = 15
    /// Brightness inside the box (reason 16), per box, linear.
    case brightness = 16
    /// Sharpness inside the box (reason 17), per box, `log(1 + x)` scale.
    case sharpness = 17
    /// Fraction of the box covered by the other boxes (reason 18), per box, linear.
    case overlap = 18

    /// The reason this feature's drift reports.
    public var reasonID: Int { rawValue }

    /// Whether the feature has one value per box (else one per image).
    public var isPerBox: Bool { self != .count && self != .areaSpread }

    /// The scale the feature is compared on.
    public var scale: FeatureScale {
        switch self {
        case .count, .sharpness: .logarithmicPlusOne
        case .aspectRatio, .areaRatio: .logarithmic
        case .areaSpread, .marginalization, .brightness, .overlap: .linear
        }
    }

    /// A short name for details.
    public var name: String {
        switch self {
        case .count: "box count"
        case .areaSpread: "spread of box area ratios"
        case .aspectRatio: "box aspect ratio (h/w)"
        case .areaRatio: "box area ratio"
        case .marginalization: "box marginalization"
        case .brightness: "box brightness"
        case .sharpness: "box sharpness"
        case .overlap: "box overlap"
        }
    }
}
