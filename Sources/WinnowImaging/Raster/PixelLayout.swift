/// How the samples of one pixel are laid out in a ``RasterImage``: 8 bits per sample, interleaved.
public enum PixelLayout: Int, Sendable, Hashable, Codable, CaseIterable {
    /// One luma sample.
    case gray = 1
    /// Red, green, blue.
    case rgb = 3
    /// Red, green, blue, alpha (straight, not premultiplied).
    case rgba = 4

    /// Samples per pixel.
    public var channels: Int { rawValue }

    /// Whether the layout carries colour samples (RGB or RGBA).
    public var hasColor: Bool { self != .gray }

    /// Whether the layout carries an alpha sample.
    public var hasAlpha: Bool { self == .rgba }
}
