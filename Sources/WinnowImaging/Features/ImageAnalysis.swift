public import WinnowCore

/// The features of one image and its boxes (ModelArts' reasons 5–18).
public struct ImageAnalysis: Sendable, Hashable, Codable {
    /// Reasons 5–10.
    public var image: ImageFeatures
    /// Reasons 11–15 and 18.
    public var boxGeometry: BoxGeometry
    /// Reasons 16–17, one entry per box (`nil` for a box outside the image).
    public var boxPixels: [BoxPixelFeatures?]

    /// An analysis with the given parts.
    public init(image: ImageFeatures, boxGeometry: BoxGeometry, boxPixels: [BoxPixelFeatures?]) {
        self.image = image
        self.boxGeometry = boxGeometry
        self.boxPixels = boxPixels
    }
}

/// Brightness and sharpness inside one box (ModelArts' reasons 16 and 17).
public struct BoxPixelFeatures: Sendable, Hashable, Codable {
    /// Mean perceived brightness of the box's pixels, in [0, 1].
    public var brightness: Double
    /// Variance of the Laplacian of the box crop's luma at the box working size.
    public var sharpness: Double

    /// Features with the given values.
    public init(brightness: Double, sharpness: Double) {
        self.brightness = brightness
        self.sharpness = sharpness
    }
}
