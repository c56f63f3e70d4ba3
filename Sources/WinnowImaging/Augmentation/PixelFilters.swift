/// The pixel work of the photometric augmentations. Alpha is left as it is.
extension RasterImage {
    /// Colour channels per pixel (alpha excluded).
    var colorChannels: Int { layout.hasAlpha ? 3 : layout.channels }

    /// Separable Gaussian blur with standard deviation `sigma` pixels (kernel radius ⌈3σ⌉, edges clamped).
    func gaussianBlurred(sigma: Double) -> RasterImage {
        guard sigma > 0 else { return self }
        let radius = max(1, Int((3 * sigma).rounded(.up)))
        var kernel = (-radius...radius).map { offset in Float(Math.exp(-Double(offset * offset) / (2 * sigma * sigma))) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        let channels = layout.channels, colors = colorChannels
        var horizontal = [Float](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { input in
            horizontal.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    for x in 0..<width {
                        for channel in 0..<colors {
                            var sum: Float = 0
                            for tap in 0...(2 * radius) {
                                let sourceX = min(width - 1, max(0, x + tap - radius))
                                sum += kernel[tap] * Float(input[(y * width + sourceX) * channels + channel])
                            }
                            out[(y * width + x) * channels + channel] = sum
                        }
                    }
                }
            }
        }
        var output = pixels
        horizontal.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    for x in 0..<width {
                        for channel in 0..<colors {
                            var sum: Float = 0
                            for tap in 0...(2 * radius) {
                                let sourceY = min(height - 1, max(0, y + tap - radius))
                                sum += kernel[tap] * input[(sourceY * width + x) * channels + channel]
                            }
                            out[(y * width + x) * channels + channel] = UInt8(clamping: Int((sum + 0.5).rounded(.down)))
                        }
                    }
                }
            }
        }
        return RasterImage(uncheckedWidth: width, height: height, layout: layout, pixels: output)
    }

    /// imgaug's Sharpen: convolution with `(1 − α) · identity + α · [[−1, −1, −1], [−1, 8 + L, −1], [−1, −1, −1]]`.
    func sharpened(alpha: Double, lightness: Double) -> RasterImage {
        let center = Float(1 - alpha + alpha * (8 + lightness))
        let neighbour = Float(-alpha)
        let channels = layout.channels, colors = colorChannels
        var output = pixels
        pixels.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    for x in 0..<width {
                        for channel in 0..<colors {
                            var sum: Float = 0
                            for dy in -1...1 {
                                let sourceY = min(height - 1, max(0, y + dy))
                                for dx in -1...1 {
                                    let sourceX = min(width - 1, max(0, x + dx))
                                    let value = Float(input[(sourceY * width + sourceX) * channels + channel])
                                    sum += (dx == 0 && dy == 0 ? center : neighbour) * value
                                }
                            }
                            out[(y * width + x) * channels + channel] = UInt8(clamping: Int((sum + 0.5).rounded(.down)))
                        }
                    }
                }
            }
        }
        return RasterImage(uncheckedWidth: width, height: height, layout: layout, pixels: output)
    }

    /// Every colour sample transformed by a 256-entry table.
    func mappingColors(_ table: [UInt8]) -> RasterImage {
        let channels = layout.channels, colors = colorChannels
        var output = pixels
        output.withUnsafeMutableBufferPointer { out in
            for index in 0..<pixelCount {
                for channel in 0..<colors { out[index * channels + channel] = table[Int(out[index * channels + channel])] }
            }
        }
        return RasterImage(uncheckedWidth: width, height: height, layout: layout, pixels: output)
    }
}
