/// How to decode: the pixel limit, how small the result may be, orientation.
public struct DecodeOptions: Sendable, Hashable {
    /// Images whose header declares more pixels than this are refused before any pixel is decoded
    /// (``ImageError/Code/tooLarge``). The default is 100 megapixels.
    public var maximumPixels: Int

    /// When set, the decoder may return a smaller image whose longer side is still at least this many
    /// pixels: JPEG then decodes at 1/2, 1/4 or 1/8 scale, which is much faster. Other formats have no
    /// cheaper reduced decode and come back at full size. `nil` always decodes at full size.
    public var targetLongerSide: Int?

    /// Files larger than this are refused before being read (``ImageError/Code/tooLarge``).
    public var maximumFileBytes: Int

    /// Whether to turn the pixels upright as the JPEG's EXIF orientation (1–8) says. Default `true`.
    public var appliesOrientation: Bool

    /// Whether to accept images the decoder could only partly recover (libjpeg warnings such as extraneous
    /// bytes). Default `false`: such files are errors, so a truncated JPEG is never half gray.
    public var acceptsRecoverableErrors: Bool

    /// The default pixel limit: 100 megapixels.
    public static let defaultMaximumPixels = 100_000_000

    /// Options with the given limit and target.
    public init(
        maximumPixels: Int = DecodeOptions.defaultMaximumPixels,
        targetLongerSide: Int? = nil,
        maximumFileBytes: Int = DecodeOptions.defaultMaximumFileBytes,
        appliesOrientation: Bool = true,
        acceptsRecoverableErrors: Bool = false
    ) {
        self.maximumPixels = maximumPixels
        self.targetLongerSide = targetLongerSide
        self.maximumFileBytes = maximumFileBytes
        self.appliesOrientation = appliesOrientation
        self.acceptsRecoverableErrors = acceptsRecoverableErrors
    }
}

extension DecodeOptions {
    /// Files larger than this many bytes are refused before they are read. Default 1 GiB.
    public static let defaultMaximumFileBytes = 1 << 30
}
