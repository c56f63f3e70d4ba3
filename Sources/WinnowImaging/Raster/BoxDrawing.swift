/// A rectangle to outline on an image, in that image's pixel coordinates (x to the right, y down,
/// `xmax`/`ymax` exclusive like VOC boxes scaled to a raster), with the colour to draw it in.
public struct BoxOutline: Sendable, Hashable {
    /// Left edge.
    public var xmin: Double
    /// Top edge.
    public var ymin: Double
    /// Right edge.
    public var xmax: Double
    /// Bottom edge.
    public var ymax: Double
    /// Red, green and blue of the line.
    public var red: UInt8, green: UInt8, blue: UInt8

    /// The line colour as a tuple.
    public var color: (red: UInt8, green: UInt8, blue: UInt8) { (red, green, blue) }

    /// A box from its edges and colour.
    public init(xmin: Double, ymin: Double, xmax: Double, ymax: Double, color: (red: UInt8, green: UInt8, blue: UInt8)) {
        self.xmin = xmin
        self.ymin = ymin
        self.xmax = xmax
        self.ymax = ymax
        red = color.red
        green = color.green
        blue = color.blue
    }

    /// The same box with every coordinate multiplied: `x * scaleX`, `y * scaleY` (to draw boxes measured
    /// on the full-size image onto a thumbnail).
    public func scaled(x scaleX: Double, y scaleY: Double) -> BoxOutline {
        BoxOutline(xmin: xmin * scaleX, ymin: ymin * scaleY, xmax: xmax * scaleX, ymax: ymax * scaleY, color: color)
    }
}

extension RasterImage {
    /// The image with each box's outline drawn into its pixels, `thickness` pixels wide on the inside of
    /// the box, clipped to the image. Gray images become RGB so the colour shows; alpha becomes opaque
    /// under the lines. Boxes entirely outside the image, empty or not finite are skipped.
    ///
    /// - Parameters:
    ///   - boxes: rectangles in this image's pixel coordinates.
    ///   - thickness: line width in pixels (at least 1).
    public func drawingOutlines(_ boxes: [BoxOutline], thickness: Int = 2) -> RasterImage {
        guard !boxes.isEmpty else { return self }
        var image = layout == .gray ? converted(to: .rgb) : self
        let channels = image.layout.channels
        let width = image.width, height = image.height
        let line = max(1, thickness)
        for box in boxes {
            guard box.xmin.isFinite, box.ymin.isFinite, box.xmax.isFinite, box.ymax.isFinite else { continue }
            // Pixel columns and rows the box covers: [left, right] and [top, bottom], inclusive.
            let left = Int(box.xmin.rounded(.down)), top = Int(box.ymin.rounded(.down))
            let right = Int(box.xmax.rounded(.up)) - 1, bottom = Int(box.ymax.rounded(.up)) - 1
            guard right >= left, bottom >= top, right >= 0, bottom >= 0, left < width, top < height else { continue }
            let sample: [UInt8] = [box.red, box.green, box.blue, 255]
            func fill(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) {
                let xFirst = max(0, x0), xLast = min(width - 1, x1), yFirst = max(0, y0), yLast = min(height - 1, y1)
                guard xFirst <= xLast, yFirst <= yLast else { return }
                for y in yFirst...yLast {
                    var base = (y * width + xFirst) * channels
                    for _ in xFirst...xLast {
                        for channel in 0..<channels { image.pixels[base + channel] = sample[channel] }
                        base += channels
                    }
                }
            }
            let horizontal = min(line, bottom - top + 1), vertical = min(line, right - left + 1)
            fill(left, top, right, top + horizontal - 1)              // top edge
            fill(left, bottom - horizontal + 1, right, bottom)        // bottom edge
            fill(left, top, left + vertical - 1, bottom)              // left edge
            fill(right - vertical + 1, top, right, bottom)            // right edge
        }
        return image
    }
}
