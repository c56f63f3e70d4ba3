/// Mean colour of each quarter of the image, centred on mid-gray.
enum ColorLayout {
    static let count = 12

    static func means(_ samples: [Float], channels: Int, side: Int) -> [Float] {
        var sums = [Float](repeating: 0, count: count)
        let half = max(1, side / 2)
        for y in 0..<side {
            for x in 0..<side {
                let quarter = min(1, y / half) * 2 + min(1, x / half)
                for channel in 0..<3 {
                    sums[quarter * 3 + channel] += samples[(y * side + x) * channels + (channels == 1 ? 0 : channel)]
                }
            }
        }
        let perQuarter = Float(half * half)
        return sums.map { $0 / perQuarter / 255 - 0.5 }
    }
}
