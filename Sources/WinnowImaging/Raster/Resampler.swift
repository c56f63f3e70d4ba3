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

    /// `image` resampled to `width` × `height`, as interleaved Float samples in 0…255.
    static func resampleToFloat(_ image: RasterImage, width: Int, height: Int) -> [Float] {
        let channels = image.layout.channels
        let horizontal = Weights(source: image.width, destination: width)
        let vertical = Weights(source: image.height, destination: height)
        // Pass 1: rows of the source, resampled horizontally.
        var rows = [Float](repeating: 0, count: width * image.height * channels)
        image.pixels.withUnsafeBufferPointer { input in
            rows.withUnsafeMutableBufferPointer { out in
                horizontal.weights.withUnsafeBufferPointer { weights in
                    for y in 0..<image.height {
                        let sourceRow = y * image.width * channels
                        let targetRow = y * width * channels
                        for x in 0..<width {
                            let start = horizontal.starts[x]
                            let count = horizontal.counts[x]
                            let weightBase = x * horizontal.maxCount
                            for channel in 0..<channels {
                                var sum: Float = 0
                                var position = sourceRow + start * channels + channel
                                for tap in 0..<count {
                                    sum += weights[weightBase + tap] * Float(input[position])
                                    position += channels
                                }
                                out[targetRow + x * channels + channel] = sum
                            }
                        }
                    }
                }
            }
        }
        // Pass 2: whole rows combined vertically.
        let rowLength = width * channels
        var output = [Float](repeating: 0, count: rowLength * height)
        rows.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    let start = vertical.starts[y]
                    let targetRow = y * rowLength
                    for tap in 0..<vertical.counts[y] {
                        let weight = vertical.weights[y * vertical.maxCount + tap]
                        let sourceRow = (start + tap) * rowLength
                        for index in 0..<rowLength { out[targetRow + index] += weight * input[sourceRow + index] }
                    }
                }
            }
        }
        return output
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
