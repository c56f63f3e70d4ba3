import ArgumentParser
import Foundation
import WinnowImaging

/// Options of the commands that go through a folder of images.
struct ImageScanOptions: ParsableArguments {
    @Option(name: .customLong("jobs"), help: ArgumentHelp("Images decoded at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(name: .customLong("max-pixels"), help: ArgumentHelp(
        "Refuse images whose header declares more pixels than this (default 100000000).", valueName: "n"))
    var maximumPixels: Int = DecodeOptions.defaultMaximumPixels

    /// Inputs worked on at once.
    var concurrency: Int { max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount) }

    /// Every file under `paths` (folders listed in stable order), lazily.
    func files(_ paths: [String]) -> some Sequence<String> & Sendable {
        paths.lazy.flatMap { ImageFolder(path: $0) }
    }

    /// Decoding options with the pixel limit.
    var decodeOptions: DecodeOptions { DecodeOptions(maximumPixels: maximumPixels) }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maximumPixels < 1 { throw ValidationError("--max-pixels must be at least 1") }
    }
}

/// Counts and timing of a folder run, printed to standard error at the end.
struct ImageScanSummary {
    private let start = ContinuousClock.now
    private(set) var measured = 0
    private(set) var failed = 0

    mutating func record(success: Bool) {
        if success { measured += 1 } else { failed += 1 }
    }

    /// `measured 300 images in 1.24 s (242 images/s), 2 failed`.
    func line(verb: String) -> String {
        let elapsed = start.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(measured + failed) / seconds : 0
        return "\(verb) \(measured) image\(measured == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s (\(Int(rate.rounded())) files/s), \(failed) failed"
    }
}
