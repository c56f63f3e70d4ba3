/// The per-pixel statistics behind the image features, over planar Float samples in 0…255, with
/// explicit 8-wide SIMD so the sums vectorise.
struct PixelStatistics {
    var brightness = 0.0
    var saturation = 0.0
    var colorfulness = 0.0
    /// BT.601 luma of every pixel, row-major.
    var luma: [Float] = []

    typealias Vector = SIMD8<Float>

    /// One pass over `planes`: `channels` planes of `count` samples (1 = gray; otherwise the first three
    /// are red, green, blue and any fourth, alpha, is ignored).
    init(planes: [Float], channels: Int, count: Int) {
        guard count > 0, planes.count >= count * channels else { return }
        if channels < 3 {
            luma = Array(planes[0..<count])
            brightness = Self.sum(luma) / Double(count) / 255
            return
        }
        var sums = (brightness: 0.0, saturation: 0.0, rg: 0.0, rgSquares: 0.0, yb: 0.0, ybSquares: 0.0)
        luma = [Float](unsafeUninitializedCapacity: count) { out, initialized in
            initialized = count
            planes.withUnsafeBufferPointer { buffer in
                guard let red = buffer.baseAddress, let target = out.baseAddress else { return }
                let green = red + count, blue = red + 2 * count
                func load(_ pointer: UnsafePointer<Float>, _ at: Int) -> Vector { UnsafeRawPointer(pointer + at).loadUnaligned(as: Vector.self) }
                var index = 0
                while index < count {
                    // Float partial sums over at most 1024 pixels, then into Double.
                    var bright = Vector(), sat = Vector(), rg = Vector(), rg2 = Vector(), yb = Vector(), yb2 = Vector()
                    let end = min(count, index + 1024)
                    while index + 8 <= end {
                        let r = load(red, index), g = load(green, index), b = load(blue, index)
                        bright += (0.241 * r * r + 0.691 * g * g + 0.068 * b * b).squareRoot()
                        let high = Self.maximum(r, Self.maximum(g, b))
                        let low = Self.minimum(r, Self.minimum(g, b))
                        sat += (high - low) / Self.maximum(high, Vector(repeating: 1e-6))
                        let redGreen = r - g
                        let yellowBlue = 0.5 * (r + g) - b
                        rg += redGreen
                        rg2 += redGreen * redGreen
                        yb += yellowBlue
                        yb2 += yellowBlue * yellowBlue
                        UnsafeMutableRawPointer(target + index).storeBytes(of: 0.299 * r + 0.587 * g + 0.114 * b, as: Vector.self)
                        index += 8
                    }
                    sums.brightness += Double(bright.sum()); sums.saturation += Double(sat.sum())
                    sums.rg += Double(rg.sum()); sums.rgSquares += Double(rg2.sum())
                    sums.yb += Double(yb.sum()); sums.ybSquares += Double(yb2.sum())
                    while index < end {
                        let r = red[index], g = green[index], b = blue[index]
                        sums.brightness += Double((0.241 * r * r + 0.691 * g * g + 0.068 * b * b).squareRoot())
                        let high = max(r, max(g, b)), low = min(r, min(g, b))
                        sums.saturation += Double((high - low) / max(high, 1e-6))
                        let redGreen = Double(r - g), yellowBlue = Double(0.5 * (r + g) - b)
                        sums.rg += redGreen; sums.rgSquares += redGreen * redGreen
                        sums.yb += yellowBlue; sums.ybSquares += yellowBlue * yellowBlue
                        target[index] = 0.299 * r + 0.587 * g + 0.114 * b
                        index += 1
                    }
                }
            }
        }
        let n = Double(count)
        brightness = sums.brightness / n / 255
        saturation = sums.saturation / n
        let rgMean = sums.rg / n, ybMean = sums.yb / n
        let rgVariance = max(0, sums.rgSquares / n - rgMean * rgMean)
        let ybVariance = max(0, sums.ybSquares / n - ybMean * ybMean)
        colorfulness = (rgVariance + ybVariance).squareRoot() + 0.3 * (rgMean * rgMean + ybMean * ybMean).squareRoot()
    }

    /// Lane-wise maximum (the stdlib's generic `pointwiseMax` is not inlined here).
    @inline(__always)
    static func maximum(_ a: Vector, _ b: Vector) -> Vector { a.replacing(with: b, where: b .> a) }

    /// Lane-wise minimum.
    @inline(__always)
    static func minimum(_ a: Vector, _ b: Vector) -> Vector { a.replacing(with: b, where: b .< a) }

    /// Mean perceived brightness of every pixel of `image`, in [0, 1] (alpha ignored).
    static func meanBrightness(_ image: RasterImage) -> Double {
        let channels = image.layout.channels
        var total = 0.0
        image.pixels.withUnsafeBufferPointer { pixels in
            for index in 0..<image.pixelCount {
                let base = index * channels
                if channels < 3 {
                    total += Double(pixels[base])
                } else {
                    let r = Double(pixels[base]), g = Double(pixels[base + 1]), b = Double(pixels[base + 2])
                    total += (0.241 * r * r + 0.691 * g * g + 0.068 * b * b).squareRoot()
                }
            }
        }
        return total / Double(max(1, image.pixelCount)) / 255
    }

    /// Variance of the 4-neighbour Laplacian over the interior of a `width` × `height` plane; 0 when
    /// the plane is thinner than 3 pixels.
    static func laplacianVariance(_ plane: [Float], width: Int, height: Int) -> Double {
        guard width >= 3, height >= 3, plane.count >= width * height else { return 0 }
        var sum = 0.0, squares = 0.0
        plane.withUnsafeBufferPointer { buffer in
            guard let p = buffer.baseAddress else { return }
            func load(_ at: Int) -> Vector { UnsafeRawPointer(p + at).loadUnaligned(as: Vector.self) }
            for y in 1..<(height - 1) {
                var rowSum = Vector(), rowSquares = Vector()
                let row = y * width
                var x = 1
                while x + 8 <= width - 1 {
                    let center = row + x
                    let value = load(center - width) + load(center + width) + load(center - 1) + load(center + 1) - 4 * load(center)
                    rowSum += value
                    rowSquares += value * value
                    x += 8
                }
                var tailSum: Float = 0, tailSquares: Float = 0
                while x < width - 1 {
                    let center = row + x
                    let value = p[center - width] + p[center + width] + p[center - 1] + p[center + 1] - 4 * p[center]
                    tailSum += value
                    tailSquares += value * value
                    x += 1
                }
                sum += Double(rowSum.sum() + tailSum)
                squares += Double(rowSquares.sum() + tailSquares)
            }
        }
        let n = Double((width - 2) * (height - 2))
        let mean = sum / n
        return max(0, squares / n - mean * mean)
    }

    /// The sum of `values` in Double.
    static func sum(_ values: [Float]) -> Double {
        var total = 0.0
        var index = 0
        values.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while index < buffer.count {
                var partial = Vector()
                let end = min(buffer.count, index + 1024)
                while index + 8 <= end {
                    partial += UnsafeRawPointer(base + index).loadUnaligned(as: Vector.self)
                    index += 8
                }
                total += Double(partial.sum())
                while index < end {
                    total += Double(base[index])
                    index += 1
                }
            }
        }
        return total
    }
}
