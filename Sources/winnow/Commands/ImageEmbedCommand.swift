import ArgumentParser
import Foundation
import WinnowImaging

/// `winnow image embed PATH…`
struct ImageEmbedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Print the built-in embedding of each image as JSON Lines ({\"file\", \"embedding\"}).",
        discussion: """
            The embedding is a deterministic, L2-normalised descriptor with no learned weights (low-frequency DCT of a
            gray thumbnail, gradient-orientation and colour histograms, colour layout), for near-duplicates,
            clustering and outliers with cosine similarity. Failed files print {"file", "error"}; exits 1 if any failed.
            """
    )

    @Argument(help: ArgumentHelp("Image files or folders.", valueName: "path"))
    var paths: [String]

    @OptionGroup var scan: ImageScanOptions

    func run() async throws {
        let embedder = ImageEmbedder()
        let decoder = ImageDecoder(options: embedder.decodeOptions(scan.decodeOptions))
        var summary = ImageScanSummary()
        try await OrderedConcurrentMap(concurrency: scan.concurrency).run(scan.files(paths)) { file in
            Result { () throws(ImageError) in embedder.embedding(of: try decoder.decodeFile(atPath: file).raster) }
        } body: { file, result in
            switch result {
            case .success(let embedding):
                summary.record(success: true)
                Console.out(ImageJSONLines.embedding(file: file, embedding))
            case .failure(let error):
                summary.record(success: false)
                Console.error(error.description)
                Console.out(ImageJSONLines.failure(file: file, error))
            }
        }
        Console.error(summary.line(verb: "embedded"))
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
