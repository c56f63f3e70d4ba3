/// Natural ordering of file names, so `frame2.png` comes before `frame10.png`: digit runs compare by
/// numeric value, other text case-insensitively (ASCII), and equal names fall back to plain byte order.
public enum NaturalOrder {
    /// Whether `a` sorts before `b` naturally.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// −1, 0 or 1 as `a` sorts before, equal to, or after `b`.
    public static func compare(_ a: String, _ b: String) -> Int {
        compare(Array(a.utf8), Array(b.utf8))
    }

    /// −1, 0 or 1 for two names given as UTF-8 bytes (precompute them when sorting many names).
    public static func compare(_ x: [UInt8], _ y: [UInt8]) -> Int {
        var i = 0
        var j = 0
        while i < x.count, j < y.count {
            if isDigit(x[i]), isDigit(y[j]) {
                let startX = i
                let startY = j
                while i < x.count, isDigit(x[i]) { i += 1 }
                while j < y.count, isDigit(y[j]) { j += 1 }
                let digitsX = stripZeros(x[startX..<i])
                let digitsY = stripZeros(y[startY..<j])
                if digitsX.count != digitsY.count { return digitsX.count < digitsY.count ? -1 : 1 }
                if !digitsX.elementsEqual(digitsY) { return digitsX.lexicographicallyPrecedes(digitsY) ? -1 : 1 }
                let zerosX = (i - startX) - digitsX.count
                let zerosY = (j - startY) - digitsY.count
                if zerosX != zerosY { return zerosX < zerosY ? -1 : 1 }
                continue
            }
            let foldedX = folded(x[i])
            let foldedY = folded(y[j])
            if foldedX != foldedY { return foldedX < foldedY ? -1 : 1 }
            i += 1
            j += 1
        }
        if i < x.count || j < y.count { return i < x.count ? 1 : -1 }
        if x == y { return 0 }
        return x.lexicographicallyPrecedes(y) ? -1 : 1
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func folded(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func stripZeros(_ digits: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = digits.startIndex
        while start < digits.endIndex - 1, digits[start] == UInt8(ascii: "0") { start += 1 }
        return digits[start...]
    }
}
