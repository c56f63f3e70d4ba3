/// The 8 × 8 lowest-frequency DCT-II coefficients of a square gray plane, without the DC term.
enum DCTBlock {
    static let size = 8
    static let count = size * size - 1

    /// Cosine tables per thumbnail side: `table[u * side + x] = cos((2x + 1) u π / 2·side)`.
    static func cosines(side: Int) -> [Float] {
        var table = [Float](repeating: 0, count: size * side)
        for u in 0..<size {
            for x in 0..<side {
                table[u * side + x] = Float(Math.cos(Double((2 * x + 1) * u) * .pi / Double(2 * side)))
            }
        }
        return table
    }

    static func coefficients(_ plane: [Float], side: Int) -> [Float] {
        let table = cosines(side: side)
        // Rows first: rows[y][u] = Σx plane[y][x] · cos_u(x).
        var rows = [Float](repeating: 0, count: side * size)
        for y in 0..<side {
            for u in 0..<size {
                var sum: Float = 0
                for x in 0..<side { sum += plane[y * side + x] * table[u * side + x] }
                rows[y * size + u] = sum
            }
        }
        var output: [Float] = []
        output.reserveCapacity(count)
        for v in 0..<size {
            for u in 0..<size where u + v > 0 {
                var sum: Float = 0
                for y in 0..<side { sum += rows[y * size + u] * table[v * side + y] }
                output.append(sum)
            }
        }
        return output
    }
}
