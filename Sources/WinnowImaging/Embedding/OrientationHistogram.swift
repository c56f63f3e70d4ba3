/// Gradient-orientation histograms (HOG-like) of a square gray plane: 4 × 4 cells, 8 unsigned
/// orientation bins each, magnitudes split linearly between neighbouring bins, square-rooted.
enum OrientationHistogram {
    static let cells = 4
    static let bins = 8
    static let count = cells * cells * bins

    static func histogram(_ plane: [Float], side: Int) -> [Float] {
        var histogram = [Float](repeating: 0, count: count)
        let cellSide = max(1, side / cells)
        for y in 0..<side {
            for x in 0..<side {
                let gx = plane[y * side + min(side - 1, x + 1)] - plane[y * side + max(0, x - 1)]
                let gy = plane[min(side - 1, y + 1) * side + x] - plane[max(0, y - 1) * side + x]
                let magnitude = (gx * gx + gy * gy).squareRoot()
                guard magnitude > 0 else { continue }
                var angle = Math.atan2(gy, gx)
                if angle < 0 { angle += .pi }
                let position = angle / .pi * Float(bins) - 0.5
                let lower = Int(position.rounded(.down))
                let fraction = position - Float(lower)
                let cell = (min(cells - 1, y / cellSide) * cells + min(cells - 1, x / cellSide)) * bins
                histogram[cell + (lower + bins) % bins] += magnitude * (1 - fraction)
                histogram[cell + (lower + 1 + bins) % bins] += magnitude * fraction
            }
        }
        return histogram.map { $0.squareRoot() }
    }
}
