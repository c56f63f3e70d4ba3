import ArgumentParser
import Foundation
import WinnowCore
import WinnowImaging

/// `winnow image features PATH…`
struct ImageFeaturesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Measure resolution, aspect ratio, brightness, saturation, colorfulness and sharpness of images.",
        discussion: """
            Folders are listed recursively in name order; formats are told from the bytes. Files that cannot be
            decoded are reported (path: message) and the rest go on; exits 1 if any file failed. With --json,
            prints one JSON object per image as it goes (JSON Lines).
            """
    )

    @Argument(help: ArgumentHelp("Image files or folders.", valueName: "path"))
    var paths: [String]

    @OptionGroup var scan: ImageScanOptions
    @OptionGroup var output: OutputOptions

    @Flag(name: .customLong("full-resolution"), help: "Decode every JPEG at full size (slower; the default decodes just large enough).")
    var fullResolution = false

    func run() async throws {
        let extractor = ImageFeatureExtractor()
        let decoder = ImageDecoder(options: fullResolution ? scan.decodeOptions : extractor.decodeOptions(scan.decodeOptions))
        var summary = ImageScanSummary()
        if !output.json {
            Console.out(Self.row("FILE", "FORMAT", "WIDTH", "HEIGHT", "BRIGHTNESS", "SATURATION", "COLORFULNESS", "SHARPNESS"))
        }
        try await OrderedConcurrentMap(concurrency: scan.concurrency).run(scan.files(paths)) { file in
            Result { () throws(ImageError) in
                let image = try decoder.decodeFile(atPath: file)
                return (image.format, extractor.features(of: image))
            }
        } body: { file, result in
            switch result {
            case .success(let (format, features)):
                summary.record(success: true)
                if output.json {
                    Console.out(ImageJSONLines.features(file: file, format: format, features))
                } else {
                    Console.out(Self.row(
                        file, format.rawValue, "\(features.width)", "\(features.height)", Self.fixed(features.brightness),
                        Self.fixed(features.saturation), Self.fixed(features.colorfulness, digits: 2), Self.fixed(features.sharpness, digits: 1)))
                }
            case .failure(let error):
                summary.record(success: false)
                Console.error(error.description)
                if output.json { Console.out(ImageJSONLines.failure(file: file, error)) }
            }
        }
        Console.error(summary.line(verb: "measured"))
        if summary.failed > 0 { throw ExitCode(1) }
    }

    /// The file column as is, the others right-aligned in fixed widths, so rows stream without buffering.
    static func row(_ file: String, _ cells: String...) -> String {
        let widths = [6, 7, 7, 11, 11, 13, 12]
        let padded = zip(cells, widths).map { cell, width in String(repeating: " ", count: max(0, width - cell.count)) + cell }
        return padded.joined(separator: " ") + "  " + file
    }

    static func fixed(_ value: Double, digits: Int = 4) -> String { String(format: "%.\(digits)f", value) }
}
