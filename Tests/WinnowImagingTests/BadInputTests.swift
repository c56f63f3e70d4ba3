import Foundation
import Testing
import WinnowCore
@testable import WinnowImaging

@Suite struct BadInputTests {
    let decoder = ImageDecoder()

    func code(_ bytes: [UInt8], options: DecodeOptions = DecodeOptions()) -> ImageError.Code? {
        do {
            _ = try ImageDecoder(options: options).decode(bytes, file: "input")
            return nil
        } catch {
            #expect(error.file == "input")
            #expect(!error.message.isEmpty)
            return error.code
        }
    }

    static func sampleJPEG() throws -> [UInt8] {
        try JPEGEncoder(quality: 90).encode(SyntheticImages.noise(width: 64, height: 48, seed: 7))
    }

    static func samplePNG() throws -> [UInt8] {
        try PNGEncoder().encode(SyntheticImages.noise(width: 64, height: 48, seed: 7))
    }

    @Test func emptyAndTextFilesAreTypedErrors() {
        #expect(code([]) == .empty)
        #expect(code(Array("hello, I am a text file named photo.jpg\n".utf8)) == .unknownFormat)
        #expect(code(Array("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8)) == .unsupported)
        #expect(code([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]) == .unsupported)
    }

    @Test(arguments: [2, 3, 10, 100, 400, 0.5, 0.9] as [Double])
    func truncatedFilesFailCleanly(cut: Double) throws {
        for bytes in [try Self.sampleJPEG(), try Self.samplePNG(), SyntheticImages.bmp(SyntheticImages.noise(width: 9, height: 9, seed: 1), bitsPerPixel: 24)] {
            let keep = cut < 1 ? Int(Double(bytes.count) * cut) : min(bytes.count - 1, Int(cut))
            let result = code(Array(bytes.prefix(keep)))
            #expect(result == .truncated || result == .corrupt || result == .unknownFormat, "kept \(keep) of \(bytes.count): \(String(describing: result))")
        }
    }

    @Test func truncatedJPEGIsReportedAsTruncated() throws {
        let bytes = try Self.sampleJPEG()
        #expect(code(Array(bytes.prefix(bytes.count * 3 / 4))) == .truncated)
        // Tolerant decoding accepts it (the missing rows come out gray).
        let tolerant = DecodeOptions(acceptsRecoverableErrors: true)
        #expect(code(Array(bytes.prefix(bytes.count * 3 / 4)), options: tolerant) == nil)
    }

    @Test func truncatedPNGIsReportedAsTruncated() throws {
        let bytes = try Self.samplePNG()
        #expect(code(Array(bytes.prefix(bytes.count / 2))) == .truncated)
        // Everything but IEND: still truncated.
        #expect(code(Array(bytes.dropLast(12))) == .truncated)
    }

    @Test func damagedPNGChecksumIsCorrupt() throws {
        var bytes = try Self.samplePNG()
        bytes[bytes.count / 2] ^= 0xFF
        #expect(code(bytes) == .corrupt)
    }

    @Test func damagedJPEGDataIsAnErrorNotACrash() throws {
        var generator = SeededGenerator(seed: 3)
        let original = try Self.sampleJPEG()
        for _ in 0..<50 {
            var bytes = original
            for _ in 0..<8 { bytes[Int.random(in: 2..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator) }
            _ = code(bytes)  // any outcome but a crash; most are corrupt, some still decode
        }
    }

    @Test func pixelLimitIsCheckedFromTheHeader() throws {
        let small = DecodeOptions(maximumPixels: 64 * 48 - 1)
        #expect(code(try Self.sampleJPEG(), options: small) == .tooLarge)
        #expect(code(try Self.samplePNG(), options: small) == .tooLarge)
        #expect(code(SyntheticImages.bmp(SyntheticImages.noise(width: 64, height: 48, seed: 1), bitsPerPixel: 24), options: small) == .tooLarge)
        #expect(code(try LocalFixtures.bytes("rgba.webp"), options: DecodeOptions(maximumPixels: 5)) == .tooLarge)
        #expect(code(try Self.sampleJPEG(), options: DecodeOptions(maximumPixels: 64 * 48)) == nil)
    }

    @Test func decompressionBombHeadersAreRefusedBeforeDecoding() throws {
        // A JPEG whose SOF claims 60000 x 60000 (3.6 gigapixels) with only a few KB of data.
        var jpeg = try Self.sampleJPEG()
        let sof = try #require(jpeg.indices.dropLast().first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        for (offset, byte) in [(5, 0xEA), (6, 0x60), (7, 0xEA), (8, 0x60)] { jpeg[sof + offset] = UInt8(byte) }
        #expect(code(jpeg) == .tooLarge)

        // A PNG whose IHDR claims 50000 x 50000, with a valid CRC.
        var png = try Self.samplePNG()
        for (offset, byte) in [(16, 0), (17, 0), (18, 0xC3), (19, 0x50), (20, 0), (21, 0), (22, 0xC3), (23, 0x50)] { png[offset] = UInt8(byte) }
        let crc = CRC32.checksum(png[12..<29])
        for index in 0..<4 { png[29 + index] = UInt8((crc >> (24 - 8 * UInt32(index))) & 0xFF) }
        #expect(code(png) == .tooLarge)

        // A BMP header claiming 2^30 x 2^30.
        var bmp = SyntheticImages.bmp(SyntheticImages.noise(width: 2, height: 2, seed: 1), bitsPerPixel: 24)
        for (offset, byte) in [(18, 0), (19, 0), (20, 0), (21, 0x40), (22, 0), (23, 0), (24, 0), (25, 0x40)] { bmp[offset] = UInt8(byte) }
        #expect(code(bmp) == .tooLarge)
    }

    @Test func unsupportedBMPVariantsAreNamed() {
        var rle = SyntheticImages.bmp(SyntheticImages.noise(width: 4, height: 4, seed: 1), bitsPerPixel: 8)
        rle[30] = 1  // BI_RLE8
        #expect(code(rle) == .unsupported)
    }

    @Test func missingAndNonRegularFilesAreUnreadable() throws {
        #expect(throws: ImageError.self) { try decoder.decodeFile(atPath: "/nonexistent/winnow/photo.jpg") }
        do {
            _ = try decoder.decodeFile(atPath: LocalFixtures.directory.path)
            Issue.record("a folder decoded")
        } catch {
            #expect(error.code == .unreadable)
            #expect(error.file == LocalFixtures.directory.path)
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-empty-\(UInt64.random(in: 0...UInt64.max)).jpg")
        try Data().write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: ImageError(.empty, "the file is empty", file: empty.path)) { try decoder.decodeFile(atPath: empty.path) }
    }

    @Test(.enabled(if: SharedFixtures.available, Comment(rawValue: SharedFixtures.skipMessage)))
    func digitsFixtureHasExactlyThreeTruncatedPNGs() throws {
        let folder = try SharedFixtures.path("digits-classification/batch-input")
        var failures: [String: ImageError.Code] = [:]
        var decoded = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            do {
                let image = try decoder.decodeFile(atPath: folder + "/" + name)
                #expect(image.format == .png && image.raster.layout == .gray)
                decoded += 1
            } catch {
                failures[name] = error.code
            }
        }
        #expect(failures == ["b0162.png": .truncated, "b0184.png": .truncated, "b1161.png": .truncated])
        #expect(decoded == 716)
    }

    @Test(.enabled(if: SharedFixtures.available, Comment(rawValue: SharedFixtures.skipMessage)))
    func facesFixtureJPEGsAllDecode() throws {
        let folder = try SharedFixtures.path("faces-detection/batch-input")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names.count == 38)
        for name in names {
            let image = try decoder.decodeFile(atPath: folder + "/" + name)
            #expect(image.format == .jpeg)
            #expect(image.raster.width == image.originalSize.width)
        }
    }
}

/// CRC-32 (PNG's polynomial), to forge valid chunks in tests.
enum CRC32 {
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
