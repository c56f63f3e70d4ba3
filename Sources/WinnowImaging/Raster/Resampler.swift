/// Separable resampling: area averaging when shrinking (every source pixel counts by the fraction it
/// covers), linear interpolation when enlarging.
enum Resampler {
    /// The contributions of source pixels to each destination pixel along one axis.
    struct Weights {
        let starts: [Int]
        let counts: [Int]
        /// `maxCount` weights per destination pixel, normalised to sum 1.
        let weights: [Float]
        let maxCount: Int

        init(source: Int, destination: Int) {
            let scale = Double(source) / Double(destination)
            let shrinking = scale > 1
            let support = shrinking ? scale / 2 : 1.0
            let maxCount = Int((support * 2).rounded(.up)) + 2
            var starts = [Int](repeating: 0, count: destination)
            var counts = [Int](repeating: 0, count: destination)
            var weights = [Float](repeating: 0, count: destination * maxCount)
            for index in 0..<destination {
                let center = (Double(index) + 0.5) * scale
                let first = max(0, Int((center - support).rounded(.down)))
                let last = min(source, Int((center + support).rounded(.up)))
                var total = 0.0
                var taps: [Double] = []
                for sourceIndex in first..<max(first, last) {
                    let weight: Double
                    if shrinking {
                        // Overlap of [sourceIndex, sourceIndex + 1) with [center - support, center + support).
                        weight = max(0, min(Double(sourceIndex + 1), center + support) - max(Double(sourceIndex), center - support))
                    } else {
                        weight = max(0, 1 - abs(Double(sourceIndex) + 0.5 - center))
                    }
                    taps.append(weight)
                    total += weight
                }
                // Trim zero taps at the ends so loops stay short.
                var begin = 0
                var end = taps.count
                while begin < end, taps[begin] == 0 { begin += 1 }
                while end > begin, taps[end - 1] == 0 { end -= 1 }
                if begin == end || total <= 0 {
                    starts[index] = min(source - 1, max(0, Int(center)))
                    counts[index] = 1
                    weights[index * maxCount] = 1
                    continue
                }
                starts[index] = first + begin
                counts[index] = end - begin
                for tap in begin..<end { weights[index * maxCount + tap - begin] = Float(taps[tap] / total) }
            }
            self.starts = starts
            self.counts = counts
            self.weights = weights
            self.maxCount = maxCount
        }
    }

    /// `image` resampled to `width` × `height`, as Float samples in 0…255: interleaved, or with
    /// `planar` one plane per channel (all of channel 0, then channel 1, …).
    ///
    /// One output row at a time, all in cache: the vertical pass combines whole source rows (a
    /// multiply-add that vectorises), the row is widened to four lanes per pixel, and the horizontal
    /// pass then adds whole pixels as 4-lane vectors.
    static func resampleToFloat(_ image: RasterImage, width: Int, height: Int, planar: Bool = false) -> [Float] {
        let channels = image.layout.channels
        let sourceWidth = image.width
        let sourceRowLength = sourceWidth * channels
        let vertical = Weights(source: image.height, destination: height)
        let horizontal = Weights(source: sourceWidth, destination: width)
        let planeSize = width * height
        // Where sample (pixel, channel) goes: interleaved or planar.
        let pixelStride = planar ? 1 : channels
        let channelStride = planar ? planeSize : 1
        var line = [Float](repeating: 0, count: sourceRowLength)
        var wide = [SIMD4<Float>](repeating: SIMD4(), count: sourceWidth)
        return [Float](unsafeUninitializedCapacity: planeSize * channels) { out, initialized in
            initialized = out.count
            image.pixels.withUnsafeBufferPointer { input in
                line.withUnsafeMutableBufferPointer { lineBuffer in
                    wide.withUnsafeMutableBufferPointer { wideBuffer in
                        horizontal.weights.withUnsafeBufferPointer { weights in
                          horizontal.starts.withUnsafeBufferPointer { starts in
                            horizontal.counts.withUnsafeBufferPointer { counts in
                            guard let source = input.baseAddress, let target = out.baseAddress, let row = lineBuffer.baseAddress,
                                  let pixels = wideBuffer.baseAddress, let weightBase = weights.baseAddress else { return }
                            for y in 0..<height {
                                // Vertical: a weighted sum of whole source rows.
                                let first = source + vertical.starts[y] * sourceRowLength
                                let firstWeight = vertical.weights[y * vertical.maxCount]
                                for index in 0..<sourceRowLength { row[index] = firstWeight * Float(first[index]) }
                                for tap in 1..<max(1, vertical.counts[y]) {
                                    let weight = vertical.weights[y * vertical.maxCount + tap]
                                    let sourceRow = source + (vertical.starts[y] + tap) * sourceRowLength
                                    for index in 0..<sourceRowLength { row[index] += weight * Float(sourceRow[index]) }
                                }
                                // Widen to four lanes per pixel.
                                switch channels {
                                case 1: for x in 0..<sourceWidth { pixels[x] = SIMD4(row[x], 0, 0, 0) }
                                case 3: for x in 0..<sourceWidth { pixels[x] = SIMD4(row[x * 3], row[x * 3 + 1], row[x * 3 + 2], 0) }
                                default: for x in 0..<sourceWidth { pixels[x] = SIMD4(row[x * 4], row[x * 4 + 1], row[x * 4 + 2], row[x * 4 + 3]) }
                                }
                                // Horizontal: a weighted sum of whole pixels.
                                let maxCount = horizontal.maxCount
                                let outRow = target + y * width * pixelStride
                                for x in 0..<width {
                                    let pixel = pixels + starts[x]
                                    let taps = weightBase + x * maxCount
                                    var sum = taps[0] * pixel[0]
                                    for tap in 1..<max(1, counts[x]) { sum += taps[tap] * pixel[tap] }
                                    let outPixel = outRow + x * pixelStride
                                    for channel in 0..<channels { outPixel[channel * channelStride] = sum[channel] }
                                }
                            }
                            }
                          }
                        }
                    }
                }
            }
        }
    }

    /// `image` resampled to `width` × `height` (rounded to 8-bit samples).
    static func resized(_ image: RasterImage, width: Int, height: Int) -> RasterImage {
        if width == image.width, height == image.height { return image }
        let samples = resampleToFloat(image, width: width, height: height)
        let pixels = samples.map { UInt8(clamping: Int(($0 + 0.5).rounded(.down))) }
        return RasterImage(uncheckedWidth: width, height: height, layout: image.layout, pixels: pixels)
    }

    /// The size with the longer side `longerSide` and the same aspect ratio (each side at least 1).
    static func fitted(width: Int, height: Int, longerSide: Int) -> (width: Int, height: Int) {
        if width >= height {
            return (longerSide, max(1, Int((Double(height) * Double(longerSide) / Double(width)).rounded())))
        }
        return (max(1, Int((Double(width) * Double(longerSide) / Double(height)).rounded())), longerSide)
    }
}

extension RasterImage {
    /// The image resampled to `width` × `height`: area averaging when shrinking, linear when enlarging.
    public func resized(width: Int, height: Int) -> RasterImage {
        precondition(width > 0 && height > 0, "a resized image needs at least one pixel")
        return Resampler.resized(self, width: width, height: height)
    }
}
