/// Byte-level helpers for the common ASCII form of manifest paths, so that parsing a million
/// `source` values does not go through grapheme-aware `String` operations.
///
/// Every function returns `nil` when the input is not plain ASCII; callers then use the general
/// `String` code, which gives the same result for ASCII input.
enum ASCIIPath {
    /// Whether `text` is non-empty ASCII with no `:` (so no URI scheme), no NUL and no leading or
    /// trailing whitespace or control character.
    static func isPlainPath(_ text: String) -> Bool {
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first > 0x20, last > 0x20 else { return false }
            for byte in bytes where byte >= 0x80 || byte == 0 || byte == UInt8(ascii: ":") { return false }
            return true
        }
        return result ?? false
    }

    /// `ResourceLocation.normalise(first + "/" + second)` (or of `first` alone when `second` is
    /// `nil`), computed on bytes; `nil` when either part is not ASCII.
    static func normalise(_ first: String, then second: String?) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(first.utf8.count + (second?.utf8.count ?? 0) + 1)
        guard append(first, to: &output) else { return nil }
        if let second, !append(second, to: &output) { return nil }
        if output.isEmpty { return "/" }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the components of `path` to the normalised path in `output` (`/a/b`, or empty for
    /// the root): skips empty and `.` components, and `..` drops the last one. False when not ASCII.
    private static func append(_ path: String, to output: inout [UInt8]) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        let result = path.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            let count = bytes.count
            while index < count {
                if bytes[index] == slash {
                    index += 1
                    continue
                }
                var end = index
                while end < count && bytes[end] != slash {
                    if bytes[end] >= 0x80 { return false }
                    end += 1
                }
                let length = end - index
                if length == 1 && bytes[index] == dot {
                    // "." — nothing to add.
                } else if length == 2 && bytes[index] == dot && bytes[index + 1] == dot {
                    while let last = output.popLast(), last != slash {}
                } else {
                    output.append(slash)
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                }
                index = end
            }
            return true
        }
        return result ?? false
    }
}
