import ArgumentParser
import Foundation
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowStore

/// `winnow samples confirm ID... [--label NAME | --annotation FILE.xml]`
struct SamplesConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm samples: they become labeled, with their labels as they are or corrected.",
        discussion: "Without --label or --annotation the current labels (the model's pre-annotation) are confirmed as they are.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Sample ids.")
    var ids: [String]

    @Option(name: .customLong("label"), help: "Classification: the correct class.")
    var label: String?

    @Option(name: .customLong("annotation"), help: "Detection: a PASCAL VOC file with the correct boxes.")
    var annotation: String?

    func validate() throws {
        if label != nil && annotation != nil { throw ValidationError("give --label or --annotation, not both") }
        if ids.isEmpty { throw ValidationError("give at least one sample id") }
    }

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            var correction = SampleReview.Correction.asIs
            if let label {
                correction = .label(label)
            } else if let annotation {
                do {
                    correction = .annotation(try VOCCodec.decode(try LocalFiles.read(ResourceLocationPath.absolute(annotation), maximumSize: 8 << 20), file: annotation))
                } catch let error as CodecError {
                    throw CLIError(error.description)
                }
            }
            let samples = try await SampleReview(store: environment.store).confirm(ids: ids, correction: correction)
            Console.out("confirmed: \(samples.count) sample\(samples.count == 1 ? "" : "s") now labeled")
        }
    }
}

/// `winnow samples mark-hard ID...`
struct SamplesMarkHardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mark-hard", abstract: "Flag samples as hard examples.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Sample ids.")
    var ids: [String]

    func run() async throws {
        try await reportingFailures {
            try await setHard(true, ids: ids, global: global)
        }
    }
}

/// `winnow samples unmark-hard ID...`
struct SamplesUnmarkHardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unmark-hard", abstract: "Clear the hard-example flag of samples (their reasons stay on record).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Sample ids.")
    var ids: [String]

    func run() async throws {
        try await reportingFailures {
            try await setHard(false, ids: ids, global: global)
        }
    }
}

private func setHard(_ hard: Bool, ids: [String], global: GlobalOptions) async throws {
    let environment = try WinnowEnvironment.open(global)
    let samples = try await SampleReview(store: environment.store).setHard(hard, ids: ids)
    Console.out("\(hard ? "marked" : "unmarked") hard: \(samples.count) sample\(samples.count == 1 ? "" : "s")")
}
