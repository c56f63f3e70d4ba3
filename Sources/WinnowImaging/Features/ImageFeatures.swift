/// The image features of ModelArts' reasons 5–10, for one image.
public struct ImageFeatures: Sendable, Hashable, Codable {
    /// Full-resolution width in pixels (upright).
    public var width: Int
    /// Full-resolution height in pixels (upright).
    public var height: Int
    /// Resolution as area, width × height (reason 5).
    public var resolution: Int
    /// Height / width (reason 6).
    public var aspectRatio: Double
    /// Mean perceived brightness `sqrt(0.241 R² + 0.691 G² + 0.068 B²) / 255`, in [0, 1] (reason 7).
    public var brightness: Double
    /// Mean HSV saturation `(max − min) / max`, in [0, 1] (reason 8).
    public var saturation: Double
    /// Hasler–Süsstrunk colorfulness `σ_rgyb + 0.3 μ_rgyb` on 0–255 samples; 0 for gray images (reason 9).
    public var colorfulness: Double
    /// Variance of the 4-neighbour Laplacian of the luma at the working size (reason 10); higher is sharper.
    public var sharpness: Double

    /// Features with the given values.
    public init(width: Int, height: Int, brightness: Double, saturation: Double, colorfulness: Double, sharpness: Double) {
        self.width = width
        self.height = height
        resolution = width * height
        aspectRatio = width > 0 ? Double(height) / Double(width) : 0
        self.brightness = brightness
        self.saturation = saturation
        self.colorfulness = colorfulness
        self.sharpness = sharpness
    }

    enum CodingKeys: String, CodingKey {
        case width, height, resolution, brightness, saturation, colorfulness, sharpness
        case aspectRatio = "aspect_ratio"
    }
}
