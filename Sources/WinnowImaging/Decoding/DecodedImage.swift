public import WinnowCore

/// A decoded image: its pixels (upright, possibly reduced) and what the file says about it.
public struct DecodedImage: Sendable, Hashable {
    /// The pixels, upright when orientation was applied, possibly at reduced scale.
    public var raster: RasterImage
    /// The file format.
    public var format: ImageFormat
    /// The full-resolution size in the same frame as `raster` (upright when orientation was applied),
    /// with the channel count the file stores (4 for CMYK).
    public var originalSize: ImageSize
    /// The EXIF orientation the file declared (`.up` when none).
    public var orientation: ExifOrientation

    /// Creates a decoded image.
    public init(raster: RasterImage, format: ImageFormat, originalSize: ImageSize, orientation: ExifOrientation = .up) {
        self.raster = raster
        self.format = format
        self.originalSize = originalSize
        self.orientation = orientation
    }

    /// `raster.width / originalSize.width`: 1 at full size, 0.5 at half scale, ….
    public var scale: Double {
        originalSize.width > 0 ? Double(raster.width) / Double(originalSize.width) : 1
    }
}
