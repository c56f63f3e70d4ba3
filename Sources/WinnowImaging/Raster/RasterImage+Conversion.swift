extension RasterImage {
    /// The same image in `layout`. Gray becomes equal R, G and B; colour becomes BT.601 luma
    /// (0.299 R + 0.587 G + 0.114 B); alpha is dropped, or added as opaque.
    public func converted(to layout: PixelLayout) -> RasterImage {
        if layout == self.layout { return self }
        let count = pixelCount
        let source = self.layout.channels
        let target = layout.channels
        var output = [UInt8](repeating: 255, count: count * target)
        pixels.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                switch (self.layout, layout) {
                case (.gray, _):
                    for index in 0..<count {
                        let value = input[index]
                        out[index * target] = value
                        out[index * target + 1] = value
                        out[index * target + 2] = value
                    }
                case (_, .gray):
                    for index in 0..<count {
                        let base = index * source
                        out[index] = Self.luma(input[base], input[base + 1], input[base + 2])
                    }
                default:
                    for index in 0..<count {
                        out[index * target] = input[index * source]
                        out[index * target + 1] = input[index * source + 1]
                        out[index * target + 2] = input[index * source + 2]
                    }
                }
            }
        }
        return RasterImage(uncheckedWidth: width, height: height, layout: layout, pixels: output)
    }

    /// The pixels inside the rectangle, clipped to the image; `nil` when nothing is left.
    public func cropped(x: Int, y: Int, width cropWidth: Int, height cropHeight: Int) -> RasterImage? {
        let left = max(0, x)
        let top = max(0, y)
        let right = min(width, x + cropWidth)
        let bottom = min(height, y + cropHeight)
        guard right > left, bottom > top else { return nil }
        let channels = layout.channels
        let outWidth = right - left
        var output = [UInt8]()
        output.reserveCapacity(outWidth * (bottom - top) * channels)
        for row in top..<bottom {
            let start = (row * width + left) * channels
            output.append(contentsOf: pixels[start..<(start + outWidth * channels)])
        }
        return RasterImage(uncheckedWidth: outWidth, height: bottom - top, layout: layout, pixels: output)
    }

    /// BT.601 luma of one pixel, rounded.
    @inline(__always)
    static func luma(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> UInt8 {
        // 0.299, 0.587, 0.114 in 1/65536 steps.
        let value = 19595 &* Int(red) &+ 38470 &* Int(green) &+ 7471 &* Int(blue) &+ 32768
        return UInt8(truncatingIfNeeded: value >> 16)
    }
}
