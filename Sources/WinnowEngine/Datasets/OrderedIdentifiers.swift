import Foundation
import WinnowCore

/// Identifiers for the samples of one import, in the 32-lowercase-hex-digit form of ``Identifier``,
/// that sort in the order they are made: the import's start in milliseconds since 1970 (12 digits),
/// a random number drawn once per import (12 digits), then a sequence number (8 digits).
///
/// Random identifiers scatter a large import's inserts over every page of the indexes that hold the
/// sample id (the primary key, the by-state index, the label index), so each staged chunk rewrites
/// most of their pages; identifiers made in order append to them instead. They stay unique across
/// imports through the time and the random part.
struct OrderedIdentifiers {
    private var prefix: (time: UInt64, random: UInt64)
    private var sequence: UInt64 = 0

    init(now: Date = Date()) {
        prefix = (Self.milliseconds(now), UInt64.random(in: 0..<(1 << 48)))
    }

    /// The next identifier.
    mutating func next() -> String {
        if sequence > 0xFFFF_FFFF {
            // Four billion samples in one import: start a new run, later in time.
            prefix = (max(prefix.time + 1, Self.milliseconds(Date())), UInt64.random(in: 0..<(1 << 48)))
            sequence = 0
        }
        defer { sequence += 1 }
        let (time, random) = prefix
        let value = sequence
        return String(unsafeUninitializedCapacity: 32) { buffer in
            Self.writeHex(time, digits: 12, into: buffer, at: 0)
            Self.writeHex(random, digits: 12, into: buffer, at: 12)
            Self.writeHex(value, digits: 8, into: buffer, at: 24)
            return 32
        }
    }

    private static func milliseconds(_ date: Date) -> UInt64 {
        UInt64(max(0, date.timeIntervalSince1970 * 1000)) & 0xFFFF_FFFF_FFFF
    }

    private static func writeHex(_ value: UInt64, digits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        var rest = value
        for index in stride(from: offset + digits - 1, through: offset, by: -1) {
            let digit = UInt8(rest & 0xF)
            buffer[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            rest >>= 4
        }
    }
}
