/// The per-pixel statistics behind the image features, over interleaved Float samples in 0…255.
struct PixelStatistics {
    var brightness = 0.0
    var saturation = 0.0
    var colorfulness = 0.0
    /// BT.601 luma of every pixel, row-major.
    var luma: [Float] = []

    /// One pass over `samples` (`channels` 1, 3 or 4 per pixel; alpha is ignored).
    init(samples: [Float], channels: Int, keepsLuma: Bool = true) {
        let count = samples.count / channels
        guard count > 0 else { return }
        if keepsLuma { luma = [Float](repeating: 0, count: count) }
        if channels < 3 {
            var sum = 0.0
            samples.withUnsafeBufferPointer { input in
                luma.withUnsafeMutableBufferPointer { out in
                    for index in 0..<count {
                        let value = input[index * channels]
                        sum += Double(value)
                        if keepsLuma { out[index] = value }
                    }
                }
            }
            brightness = sum / Double(count) / 255
            return
        }
        var brightnessSum = 0.0, saturationSum = 0.0
        var rgSum = 0.0, rgSquares = 0.0, ybSum = 0.0, ybSquares = 0.0
        samples.withUnsafeBufferPointer { input in
            luma.withUnsafeMutableBufferPointer { out in
                var rowBrightness: Float = 0, rowSaturation: Float = 0
                var rowRG: Float = 0, rowRG2: Float = 0, rowYB: Float = 0, rowYB2: Float = 0
                for index in 0..<count {
                    let base = index * channels
                    let red = input[base], green = input[base + 1], blue = input[base + 2]
                    rowBrightness += (0.241 * red * red + 0.691 * green * green + 0.068 * blue * blue).squareRoot()
                    let high = max(red, max(green, blue))
                    let low = min(red, min(green, blue))
                    if high > 0 { rowSaturation += (high - low) / high }
                    let rg = red - green
                    let yb = 0.5 * (red + green) - blue
                    rowRG += rg
                    rowRG2 += rg * rg
                    rowYB += yb
                    rowYB2 += yb * yb
                    if keepsLuma { out[index] = 0.299 * red + 0.587 * green + 0.114 * blue }
                    // Flush the Float partial sums to Double now and then, keeping precision.
                    if index & 1023 == 1023 {
                        brightnessSum += Double(rowBrightness); saturationSum += Double(rowSaturation)
                        rgSum += Double(rowRG); rgSquares += Double(rowRG2); ybSum += Double(rowYB); ybSquares += Double(rowYB2)
                        rowBrightness = 0; rowSaturation = 0; rowRG = 0; rowRG2 = 0; rowYB = 0; rowYB2 = 0
                    }
                }
                brightnessSum += Double(rowBrightness); saturationSum += Double(rowSaturation)
                rgSum += Double(rowRG); rgSquares += Double(rowRG2); ybSum += Double(rowYB); ybSquares += Double(rowYB2)
            }
        }
        let n = Double(count)
        brightness = brightnessSum / n / 255
        saturation = saturationSum / n
        let rgMean = rgSum / n, ybMean = ybSum / n
        let rgVariance = max(0, rgSquares / n - rgMean * rgMean)
        let ybVariance = max(0, ybSquares / n - ybMean * ybMean)
        colorfulness = (rgVariance + ybVariance).squareRoot() + 0.3 * (rgMean * rgMean + ybMean * ybMean).squareRoot()
    }

    /// Variance of the 4-neighbour Laplacian over the interior of a `width` × `height` plane; 0 when
    /// the plane is thinner than 3 pixels.
    static func laplacianVariance(_ plane: [Float], width: Int, height: Int) -> Double {
        guard width >= 3, height >= 3, plane.count >= width * height else { return 0 }
        var sum = 0.0, squares = 0.0
        plane.withUnsafeBufferPointer { p in
            for y in 1..<(height - 1) {
                var rowSum: Float = 0, rowSquares: Float = 0
                let row = y * width
                for x in 1..<(width - 1) {
                    let center = row + x
                    let value = p[center - width] + p[center + width] + p[center - 1] + p[center + 1] - 4 * p[center]
                    rowSum += value
                    rowSquares += value * value
                }
                sum += Double(rowSum)
                squares += Double(rowSquares)
            }
        }
        let n = Double((width - 2) * (height - 2))
        let mean = sum / n
        return max(0, squares / n - mean * mean)
    }
}
