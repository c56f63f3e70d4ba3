/// The eleven augmentations of ModelArts' reasons 19–29 (imgaug names), one reason each.
///
/// The raw values are the names ModelArts uses; ``reasonID`` is the reason the consistency check of that
/// augmentation reports.
public enum AugmentationKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Gaussian blur (reason 19).
    case gaussianBlur = "gaussian_blur"
    /// Horizontal flip (reason 20).
    case flipLeftRight = "fliplr"
    /// Crop, resized back (reason 21).
    case crop
    /// Vertical flip (reason 22).
    case flipUpDown = "flipud"
    /// Zoom about the centre (reason 23).
    case scale
    /// Shift (reason 24).
    case translate
    /// Shear (reason 25).
    case shear
    /// Superpixel replacement (reason 26).
    case superpixels
    /// Sharpen (reason 27).
    case sharpen
    /// Brightness add (reason 28).
    case add
    /// Colour inversion (reason 29).
    case invert

    /// The ModelArts hard-example reason this augmentation's consistency check reports (19–29).
    public var reasonID: Int {
        switch self {
        case .gaussianBlur: 19
        case .flipLeftRight: 20
        case .crop: 21
        case .flipUpDown: 22
        case .scale: 23
        case .translate: 24
        case .shear: 25
        case .superpixels: 26
        case .sharpen: 27
        case .add: 28
        case .invert: 29
        }
    }

    /// The augmentation whose consistency check reports `reasonID`, or `nil` outside 19–29.
    public init?(reasonID: Int) {
        guard let kind = Self.allCases.first(where: { $0.reasonID == reasonID }) else { return nil }
        self = kind
    }
}
