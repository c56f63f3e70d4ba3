/// The EXIF orientation tag (0x0112): how the stored pixels must be turned to appear upright.
public enum ExifOrientation: Int, Sendable, Hashable, Codable, CaseIterable {
    /// 1: stored upright.
    case up = 1
    /// 2: mirrored left to right.
    case upMirrored = 2
    /// 3: rotated 180°.
    case down = 3
    /// 4: mirrored top to bottom.
    case downMirrored = 4
    /// 5: mirrored along the main diagonal (transposed).
    case leftMirrored = 5
    /// 6: must be rotated 90° clockwise to appear upright.
    case right = 6
    /// 7: mirrored along the anti-diagonal (transversed).
    case rightMirrored = 7
    /// 8: must be rotated 90° counter-clockwise to appear upright.
    case left = 8

    /// Whether turning upright swaps width and height (orientations 5–8).
    public var swapsDimensions: Bool { rawValue >= 5 }

    /// Where the upright pixel (`x`, `y`) comes from in the stored `width` × `height` image, as
    /// (`column step per x`, `column step per y`, `row step per x`, `row step per y`, origin column, origin row).
    func sourceMapping(width: Int, height: Int) -> (dxx: Int, dxy: Int, dyx: Int, dyy: Int, x0: Int, y0: Int) {
        switch self {
        case .up: (1, 0, 0, 1, 0, 0)
        case .upMirrored: (-1, 0, 0, 1, width - 1, 0)
        case .down: (-1, 0, 0, -1, width - 1, height - 1)
        case .downMirrored: (1, 0, 0, -1, 0, height - 1)
        case .leftMirrored: (0, 1, 1, 0, 0, 0)
        case .right: (0, 1, -1, 0, 0, height - 1)
        case .rightMirrored: (0, -1, -1, 0, width - 1, height - 1)
        case .left: (0, -1, 1, 0, width - 1, 0)
        }
    }
}

extension RasterImage {
    /// The image turned upright according to `orientation`.
    public func oriented(_ orientation: ExifOrientation) -> RasterImage {
        if orientation == .up { return self }
        let outWidth = orientation.swapsDimensions ? height : width
        let outHeight = orientation.swapsDimensions ? width : height
        let map = orientation.sourceMapping(width: width, height: height)
        let channels = layout.channels
        var output = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                var target = 0
                for y in 0..<outHeight {
                    var sourceX = map.x0 + map.dxy * y
                    var sourceY = map.y0 + map.dyy * y
                    for _ in 0..<outWidth {
                        let source = (sourceY * width + sourceX) * channels
                        for channel in 0..<channels { out[target + channel] = input[source + channel] }
                        target += channels
                        sourceX += map.dxx
                        sourceY += map.dyx
                    }
                }
            }
        }
        return RasterImage(uncheckedWidth: outWidth, height: outHeight, layout: layout, pixels: output)
    }
}
