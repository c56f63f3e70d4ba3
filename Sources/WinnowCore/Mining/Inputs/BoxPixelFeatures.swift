/// Brightness and sharpness inside one box (ModelArts' reasons 16 and 17), as the image pipeline measures
/// them on the box's pixels.
public struct BoxPixelFeatures: Sendable, Hashable, Codable {
    /// Mean perceived brightness of the box's pixels, in [0, 1].
    public var brightness: Double
    /// Variance of the Laplacian of the box crop's luma at the pipeline's box working size.
    public var sharpness: Double

    /// Features with the given values.
    public init(brightness: Double, sharpness: Double) {
        self.brightness = brightness
        self.sharpness = sharpness
    }
}
