/// An 8-bit image in memory: rows top to bottom, pixels left to right, samples interleaved, no padding.
public struct RasterImage: Sendable, Hashable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// The samples of each pixel.
    public let layout: PixelLayout
    /// `width * height * layout.channels` samples.
    public var pixels: [UInt8]

    /// An image over `pixels`, or `nil` when the count does not match the size and layout.
    public init?(width: Int, height: Int, layout: PixelLayout, pixels: [UInt8]) {
        guard width > 0, height > 0, pixels.count == width * height * layout.channels else { return nil }
        self.width = width
        self.height = height
        self.layout = layout
        self.pixels = pixels
    }

    /// An image filled with one value per channel (missing channels are 0, alpha missing is 255).
    public init(width: Int, height: Int, layout: PixelLayout, fill: [UInt8] = []) {
        precondition(width > 0 && height > 0, "an image needs at least one pixel")
        self.width = width
        self.height = height
        self.layout = layout
        var sample = [UInt8](repeating: 0, count: layout.channels)
        for channel in 0..<layout.channels {
            sample[channel] = channel < fill.count ? fill[channel] : (layout.hasAlpha && channel == 3 ? 255 : 0)
        }
        var pixels = [UInt8](repeating: 0, count: width * height * layout.channels)
        for index in 0..<(width * height) {
            for channel in 0..<layout.channels { pixels[index * layout.channels + channel] = sample[channel] }
        }
        self.pixels = pixels
    }

    /// Builds an image by asking `body` for the samples of every pixel, in row order.
    public init(width: Int, height: Int, layout: PixelLayout, generator body: (_ x: Int, _ y: Int) -> [UInt8]) {
        precondition(width > 0 && height > 0, "an image needs at least one pixel")
        self.width = width
        self.height = height
        self.layout = layout
        var pixels = [UInt8](repeating: 0, count: width * height * layout.channels)
        for y in 0..<height {
            for x in 0..<width {
                let samples = body(x, y)
                let base = (y * width + x) * layout.channels
                for channel in 0..<min(samples.count, layout.channels) { pixels[base + channel] = samples[channel] }
            }
        }
        self.pixels = pixels
    }

    /// Internal: wraps samples already known to match.
    init(uncheckedWidth width: Int, height: Int, layout: PixelLayout, pixels: [UInt8]) {
        assert(pixels.count == width * height * layout.channels)
        self.width = width
        self.height = height
        self.layout = layout
        self.pixels = pixels
    }

    /// The number of pixels.
    public var pixelCount: Int { width * height }

    /// Bytes per row.
    public var rowBytes: Int { width * layout.channels }

    /// The samples of the pixel at (`x`, `y`); `x` and `y` must be inside the image.
    public subscript(x: Int, y: Int) -> [UInt8] {
        let base = (y * width + x) * layout.channels
        return Array(pixels[base..<(base + layout.channels)])
    }
}
