/// The fixed working sizes features are measured at, so images (and boxes) of different sizes compare.
public struct FeatureOptions: Sendable, Hashable {
    /// Image features are measured on the image resampled so its longer side is this many pixels
    /// (enlarged or shrunk). Default 256.
    public var workingSide: Int
    /// Box sharpness is measured on each box crop resampled so its longer side is this many pixels. Default 64.
    public var boxWorkingSide: Int
    /// When boxes are measured, decode at least this large (longer side) so small boxes keep detail. Default 1024.
    public var boxDecodeLongerSide: Int

    /// Options with the given sizes (each at least 8).
    public init(workingSide: Int = 256, boxWorkingSide: Int = 64, boxDecodeLongerSide: Int = 1024) {
        self.workingSide = max(8, workingSide)
        self.boxWorkingSide = max(8, boxWorkingSide)
        self.boxDecodeLongerSide = max(8, boxDecodeLongerSide)
    }
}
