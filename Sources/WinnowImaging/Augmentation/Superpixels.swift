import WinnowCore

/// imgaug-style Superpixels: segment the image (a small SLIC on a copy at most 128 pixels on its longer
/// side), then replace each segment, with probability `replaceProbability`, by its mean colour.
/// Segments not replaced keep their original pixels.
enum Superpixels {
    /// The longer side the segmentation runs at (imgaug's `max_size` default).
    static let segmentationSide = 128

    static func apply(to image: RasterImage, segments: Int, replaceProbability: Double, seed: UInt64) -> RasterImage {
        let small = Resampler.fitted(width: image.width, height: image.height, longerSide: min(segmentationSide, max(image.width, image.height)))
        let labelsSmall = slic(image.converted(to: .rgb).resized(width: small.width, height: small.height), segments: max(1, segments))
        let segmentCount = (labelsSmall.max() ?? 0) + 1

        // Decide per segment, in segment order, so the same seed replaces the same segments.
        var generator = SplitMix64(seed: seed)
        let replaced = (0..<segmentCount).map { _ in Double.random(in: 0..<1, using: &generator) < replaceProbability }

        // Labels at full size (nearest), then segment means on the full-size pixels.
        let channels = image.layout.channels, colors = image.colorChannels
        var labels = [Int](repeating: 0, count: image.pixelCount)
        for y in 0..<image.height {
            let smallY = min(small.height - 1, y * small.height / image.height)
            for x in 0..<image.width {
                labels[y * image.width + x] = labelsSmall[smallY * small.width + min(small.width - 1, x * small.width / image.width)]
            }
        }
        var sums = [Double](repeating: 0, count: segmentCount * colors)
        var counts = [Int](repeating: 0, count: segmentCount)
        for index in 0..<image.pixelCount {
            let label = labels[index]
            counts[label] += 1
            for channel in 0..<colors { sums[label * colors + channel] += Double(image.pixels[index * channels + channel]) }
        }
        var output = image.pixels
        for index in 0..<image.pixelCount where replaced[labels[index]] {
            let label = labels[index]
            for channel in 0..<colors {
                output[index * channels + channel] = UInt8(clamping: Int((sums[label * colors + channel] / Double(max(1, counts[label]))).rounded()))
            }
        }
        return RasterImage(uncheckedWidth: image.width, height: image.height, layout: image.layout, pixels: output)
    }

    /// SLIC on an RGB image (colour in RGB rather than Lab, compactness 10, 5 iterations, no
    /// connectivity pass): one label per pixel, labels 0..<centres.
    static func slic(_ image: RasterImage, segments: Int) -> [Int] {
        let width = image.width, height = image.height
        let step = max(1, Int((Double(width * height) / Double(segments)).squareRoot().rounded()))
        var centers: [(x: Double, y: Double, r: Double, g: Double, b: Double)] = []
        for y in stride(from: step / 2, to: height, by: step) {
            for x in stride(from: step / 2, to: width, by: step) {
                let pixel = image[x, y]
                centers.append((Double(x), Double(y), Double(pixel[0]), Double(pixel[1]), Double(pixel[2])))
            }
        }
        if centers.isEmpty { return [Int](repeating: 0, count: width * height) }
        let spatialWeight = (10.0 / Double(step)) * (10.0 / Double(step))
        var labels = [Int](repeating: 0, count: width * height)
        var distances = [Double](repeating: .infinity, count: width * height)
        for _ in 0..<5 {
            for index in distances.indices { distances[index] = .infinity }
            for (label, center) in centers.enumerated() {
                let x0 = max(0, Int(center.x) - step), x1 = min(width - 1, Int(center.x) + step)
                let y0 = max(0, Int(center.y) - step), y1 = min(height - 1, Int(center.y) + step)
                for y in y0...y1 {
                    for x in x0...x1 {
                        let base = (y * width + x) * 3
                        let dr = Double(image.pixels[base]) - center.r
                        let dg = Double(image.pixels[base + 1]) - center.g
                        let db = Double(image.pixels[base + 2]) - center.b
                        let dx = Double(x) - center.x, dy = Double(y) - center.y
                        let distance = dr * dr + dg * dg + db * db + spatialWeight * (dx * dx + dy * dy)
                        if distance < distances[y * width + x] {
                            distances[y * width + x] = distance
                            labels[y * width + x] = label
                        }
                    }
                }
            }
            var sums = [(x: Double, y: Double, r: Double, g: Double, b: Double, n: Double)](repeating: (0, 0, 0, 0, 0, 0), count: centers.count)
            for y in 0..<height {
                for x in 0..<width {
                    let label = labels[y * width + x], base = (y * width + x) * 3
                    sums[label].x += Double(x)
                    sums[label].y += Double(y)
                    sums[label].r += Double(image.pixels[base])
                    sums[label].g += Double(image.pixels[base + 1])
                    sums[label].b += Double(image.pixels[base + 2])
                    sums[label].n += 1
                }
            }
            for label in centers.indices where sums[label].n > 0 {
                let n = sums[label].n
                centers[label] = (sums[label].x / n, sums[label].y / n, sums[label].r / n, sums[label].g / n, sums[label].b / n)
            }
        }
        return labels
    }
}
