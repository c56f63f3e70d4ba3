import Foundation
import Testing
import WinnowCore
@testable import WinnowImaging

/// Mutated real files through every decoder: any outcome but a crash is fine.
///
/// Always runs a short deterministic round. `scripts/fuzz-decoders` runs the long round: it sets
/// WINNOW_FUZZ_SECONDS (how long), WINNOW_FUZZ_SEED, WINNOW_FUZZ_CORPUS (folders of extra seed files,
/// colon-separated) and WINNOW_FUZZ_CURRENT (a file each input is written to before decoding, so a crash
/// leaves the input behind). Inputs that once crashed live in Fixtures/crashers and run every time.
@Suite struct DecoderFuzzTests {
    static let environment = ProcessInfo.processInfo.environment

    /// Decoding setups the inputs go through.
    static let decoders = [
        ImageDecoder(options: DecodeOptions(maximumPixels: 1_000_000)),
        ImageDecoder(options: DecodeOptions(maximumPixels: 1_000_000, targetLongerSide: 16, acceptsRecoverableErrors: true)),
        ImageDecoder(options: DecodeOptions(maximumPixels: 1_000_000, appliesOrientation: false)),
    ]

    /// Seed files: the committed fixtures plus a few synthesized ones.
    static func corpus() throws -> [[UInt8]] {
        var files = try FileManager.default.contentsOfDirectory(atPath: LocalFixtures.directory.path).sorted()
            .filter { !$0.hasSuffix(".py") && $0 != "crashers" }
            .map { try LocalFixtures.bytes($0) }
        let noise = SyntheticImages.noise(width: 24, height: 17, seed: 1)
        files.append(try JPEGEncoder(quality: 80).encode(noise))
        files.append(SyntheticImages.withExifOrientation(try JPEGEncoder(quality: 80, subsampling: .none).encode(noise), 6))
        files.append(try PNGEncoder().encode(noise))
        files.append(SyntheticImages.bmp(noise, bitsPerPixel: 24))
        files.append(SyntheticImages.bmp(noise.converted(to: .gray), bitsPerPixel: 8))
        for folder in (environment["WINNOW_FUZZ_CORPUS"] ?? "").split(separator: ":").map(String.init) {
            for file in Array(ImageFolder(path: folder).prefix(200)) {
                if let data = FileManager.default.contents(atPath: file), data.count < 2_000_000 { files.append(Array(data)) }
            }
        }
        return files
    }

    /// Decodes `bytes` every way, measuring what decodes (images up to `measuredPixels`), and returns
    /// how many setups succeeded.
    @discardableResult
    static func exercise(_ bytes: [UInt8], measuredPixels: Int = .max) -> Int {
        var decoded = 0
        for decoder in decoders {
            guard let image = try? decoder.decode(bytes, file: "fuzz") else { continue }
            decoded += 1
            #expect(image.raster.pixels.count == image.raster.width * image.raster.height * image.raster.layout.channels)
            guard image.raster.pixelCount <= measuredPixels else { continue }
            _ = ImageFeatureExtractor().features(of: image)
            _ = ImageEmbedder().embedding(of: image.raster)
        }
        return decoded
    }

    @Test func shortDeterministicRound() throws {
        let corpus = try Self.corpus()
        var mutator = Mutator(seed: 2024)
        for round in 0..<200 {
            let input = corpus[round % corpus.count]
            // Small images only get measured here, to keep debug test runs quick; the long round measures all.
            Self.exercise(mutator.mutate(input, spliceWith: corpus[(round * 7 + 3) % corpus.count]), measuredPixels: 4096)
        }
    }

    @Test func crashersFromEarlierFuzzingDecodeSafely() throws {
        let folder = LocalFixtures.directory.appendingPathComponent("crashers").path
        for file in ImageFolder(path: folder) {
            Self.exercise(Array(FileManager.default.contents(atPath: file) ?? Data()))
        }
    }

    @Test(.enabled(if: environment["WINNOW_FUZZ_SECONDS"] != nil, "long fuzzing runs from scripts/fuzz-decoders"))
    func longRound() throws {
        let seconds = Double(Self.environment["WINNOW_FUZZ_SECONDS"] ?? "") ?? 60
        let seed = UInt64(Self.environment["WINNOW_FUZZ_SEED"] ?? "") ?? 1
        let current = Self.environment["WINNOW_FUZZ_CURRENT"]
        let corpus = try Self.corpus()
        var mutator = Mutator(seed: seed)
        let deadline = Date().addingTimeInterval(seconds)
        var inputs = 0, decoded = 0
        while Date() < deadline {
            let input = mutator.mutate(corpus[mutator.int(0..<corpus.count)], spliceWith: corpus[mutator.int(0..<corpus.count)])
            if let current { FileManager.default.createFile(atPath: current, contents: Data(input)) }
            decoded += Self.exercise(input) > 0 ? 1 : 0
            inputs += 1
        }
        print("fuzz: seed \(seed): \(inputs) inputs, \(decoded) decoded in at least one setup, no crash")
    }
}
