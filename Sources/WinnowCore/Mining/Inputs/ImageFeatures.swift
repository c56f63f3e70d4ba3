/// The image-level features of ModelArts' reasons 5–10 for one image, as the image pipeline measures them.
///
/// Definitions follow ModelArts' dataset feature analysis: resolution is the image area, aspect ratio is
/// height / width, brightness and saturation are in [0, 1], colorfulness is Hasler–Süsstrunk's
/// `σ_rgyb + 0.3 μ_rgyb` on 0–255 samples, and sharpness is the variance of the Laplacian of the luma at a
/// fixed working size (higher is sharper). Mining only compares these values with a reference
/// distribution; it never decodes pixels.
public struct ImageFeatures: Sendable, Hashable, Codable {
    /// Full-resolution width in pixels (upright).
    public var width: Int
    /// Full-resolution height in pixels (upright).
    public var height: Int
    /// Resolution as area, width × height in pixels (reason 5).
    public var area: Double
    /// Height / width (reason 6); 0 when the width is 0.
    public var aspectRatio: Double
    /// Mean perceived brightness in [0, 1] (reason 7).
    public var brightness: Double
    /// Mean HSV saturation in [0, 1] (reason 8).
    public var saturation: Double
    /// Hasler–Süsstrunk colorfulness; 0 for grey images (reason 9).
    public var colorfulness: Double
    /// Variance of the Laplacian at the pipeline's working size (reason 10).
    public var sharpness: Double

    /// Features with the given measurements; `area` and `aspectRatio` are derived from the size.
    /// - Parameters:
    ///   - width: full-resolution width in pixels.
    ///   - height: full-resolution height in pixels.
    ///   - brightness: mean perceived brightness in [0, 1].
    ///   - saturation: mean saturation in [0, 1].
    ///   - colorfulness: Hasler–Süsstrunk colorfulness.
    ///   - sharpness: variance of the Laplacian at the working size.
    public init(width: Int, height: Int, brightness: Double, saturation: Double, colorfulness: Double, sharpness: Double) {
        self.width = width
        self.height = height
        area = Double(width) * Double(height)
        aspectRatio = width > 0 ? Double(height) / Double(width) : 0
        self.brightness = brightness
        self.saturation = saturation
        self.colorfulness = colorfulness
        self.sharpness = sharpness
    }

    /// The image size these features were measured at.
    public var size: ImageSize { ImageSize(width: width, height: height) }

    enum CodingKeys: String, CodingKey {
        case width, height, area, brightness, saturation, colorfulness, sharpness
        case aspectRatio = "aspect_ratio"
    }
}
