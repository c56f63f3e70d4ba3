/// Byte-level mutations of real image files, for fuzzing the decoders.
struct Mutator {
    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &generator) }

    /// One to four random mutations of `input`; PNG chunk checksums are repaired half the time so the
    /// mutations reach past libpng's CRC check.
    mutating func mutate(_ input: [UInt8], spliceWith other: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + int(0..<4)) {
            guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &generator)] }
            let at = int(0..<bytes.count)
            switch int(0..<9) {
            case 0: bytes[at] ^= UInt8(1 << int(0..<8))
            case 1: bytes[at] = [0x00, 0xFF, 0x7F, 0x80, 0x01, 0xFE][int(0..<6)]
            case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + int(0..<64)))
            case 3: bytes.insert(contentsOf: (0..<(1 + int(0..<32))).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: at)
            case 4: bytes = Array(bytes.prefix(at))
            case 5:
                let end = min(bytes.count, at + 1 + int(0..<128))
                bytes.insert(contentsOf: bytes[at..<end], at: int(0..<bytes.count))
            case 6:
                // A large big-endian number, where sizes and lengths live.
                let value = [0xFFFF, 0x7FFF_FFFF, 0x1_0000, 0, 1, 0xFFFF_FFFF][int(0..<6)]
                for index in 0..<4 where at + index < bytes.count { bytes[at + index] = UInt8((value >> (24 - 8 * index)) & 0xFF) }
            case 7:
                if !other.isEmpty {
                    let from = int(0..<other.count)
                    bytes.replaceSubrange(at..<min(bytes.count, at + 64), with: other[from..<min(other.count, from + 64)])
                }
            default: bytes[at] = UInt8.random(in: 0...255, using: &generator)
            }
        }
        if Bool.random(using: &generator) { Self.repairPNGChecksums(&bytes) }
        return bytes
    }

    /// Recomputes the CRC of every complete chunk of a PNG, in place.
    static func repairPNGChecksums(_ bytes: inout [UInt8]) {
        guard bytes.count > 8, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return }
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            guard length <= bytes.count - offset - 12 else { return }
            let crc = CRC32.checksum(bytes[(offset + 4)..<(offset + 8 + length)])
            for index in 0..<4 { bytes[offset + 8 + length + index] = UInt8((crc >> (24 - 8 * UInt32(index))) & 0xFF) }
            offset += 12 + length
        }
    }
}
