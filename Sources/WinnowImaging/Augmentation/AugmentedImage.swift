/// An augmented copy of an image and how its coordinates map back to the original.
public struct AugmentedImage: Sendable, Hashable {
    /// The augmented pixels.
    public var image: RasterImage
    /// From the augmented frame to the original frame.
    public var mapping: FrameMapping

    /// An augmented image with its mapping.
    public init(image: RasterImage, mapping: FrameMapping) {
        self.image = image
        self.mapping = mapping
    }
}
