/// A small HSV colour histogram: 8 hues × 2 saturation levels for colourful pixels, and 8 brightness
/// levels for every pixel, as square-rooted frequencies.
enum ColorHistogram {
    static let hues = 8
    static let count = hues * 2 + 8

    static func histogram(_ samples: [Float], channels: Int, count pixels: Int) -> [Float] {
        var histogram = [Float](repeating: 0, count: count)
        for index in 0..<pixels {
            let red = samples[index * channels] / 255
            let green = channels == 1 ? red : samples[index * channels + 1] / 255
            let blue = channels == 1 ? red : samples[index * channels + 2] / 255
            let value = max(red, max(green, blue))
            let low = min(red, min(green, blue))
            let saturation = value > 0 ? (value - low) / value : 0
            histogram[hues * 2 + min(7, Int(value * 8))] += 1
            guard saturation >= 0.2, value >= 0.15 else { continue }
            let chroma = value - low
            var hue: Float
            if value == red {
                hue = (green - blue) / chroma
            } else if value == green {
                hue = 2 + (blue - red) / chroma
            } else {
                hue = 4 + (red - green) / chroma
            }
            hue = (hue < 0 ? hue + 6 : hue) / 6
            let hueBin = min(hues - 1, Int(hue * Float(hues)))
            histogram[hueBin * 2 + (saturation >= 0.6 ? 1 : 0)] += 1
        }
        let total = Float(max(1, pixels))
        return histogram.map { ($0 / total).squareRoot() }
    }
}
