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
