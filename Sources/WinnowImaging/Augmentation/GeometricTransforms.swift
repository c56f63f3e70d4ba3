/// The pixel work of the geometric augmentations.
extension RasterImage {
    /// The image mirrored left to right.
    func flippedHorizontally() -> RasterImage {
        let channels = layout.channels
        var output = pixels
        pixels.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let row = y * width * channels
                    for x in 0..<width {
                        let source = row + (width - 1 - x) * channels
                        let target = row + x * channels
                        for channel in 0..<channels { out[target + channel] = input[source + channel] }
                    }
                }
            }
        }
        return RasterImage(uncheckedWidth: width, height: height, layout: layout, pixels: output)
    }

    /// The image mirrored top to bottom.
    func flippedVertically() -> RasterImage {
        var output: [UInt8] = []
        output.reserveCapacity(pixels.count)
        for y in stride(from: height - 1, through: 0, by: -1) {
            output.append(contentsOf: pixels[(y * rowBytes)..<((y + 1) * rowBytes)])
        }
        return RasterImage(uncheckedWidth: width, height: height, layout: layout, pixels: output)
    }

    /// A `width` × `height` image whose pixel centres are looked up in this image through `mapping`
    /// (output frame → this frame) with bilinear interpolation; outside the image reads as `fill`
    /// (alpha, if any, as transparent).
    func warped(through mapping: FrameMapping, width outWidth: Int, height outHeight: Int, fill: UInt8 = 0) -> RasterImage {
        let channels = layout.channels
        var output = [UInt8](repeating: fill, count: outWidth * outHeight * channels)
        if layout.hasAlpha { for index in 0..<(outWidth * outHeight) { output[index * 4 + 3] = 0 } }
        let sourceWidth = width, sourceHeight = height
        pixels.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                var sample = [Double](repeating: 0, count: channels)
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        let centerX = Double(x) + 0.5, centerY = Double(y) + 0.5
                        let sourceX = mapping.a * centerX + mapping.b * centerY + mapping.tx - 0.5
                        let sourceY = mapping.c * centerX + mapping.d * centerY + mapping.ty - 0.5
                        guard sourceX > -1, sourceY > -1, sourceX < Double(sourceWidth), sourceY < Double(sourceHeight) else { continue }
                        let x0 = Int(sourceX.rounded(.down)), y0 = Int(sourceY.rounded(.down))
                        let fx = sourceX - Double(x0), fy = sourceY - Double(y0)
                        for channel in 0..<channels { sample[channel] = 0 }
                        var weightInside = 0.0
                        for (dx, dy, weight) in [(0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)), (0, 1, (1 - fx) * fy), (1, 1, fx * fy)] {
                            let px = x0 + dx, py = y0 + dy
                            guard weight > 0, px >= 0, py >= 0, px < sourceWidth, py < sourceHeight else { continue }
                            let base = (py * sourceWidth + px) * channels
                            for channel in 0..<channels { sample[channel] += weight * Double(input[base + channel]) }
                            weightInside += weight
                        }
                        let target = (y * outWidth + x) * channels
                        let outsideWeight = 1 - weightInside
                        for channel in 0..<channels {
                            let background = layout.hasAlpha && channel == 3 ? 0 : Double(fill)
                            out[target + channel] = UInt8(clamping: Int((sample[channel] + outsideWeight * background + 0.5).rounded(.down)))
                        }
                    }
                }
            }
        }
        return RasterImage(uncheckedWidth: outWidth, height: outHeight, layout: layout, pixels: output)
    }
}
