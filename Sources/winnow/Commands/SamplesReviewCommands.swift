import ArgumentParser
import Foundation
import WinnowCore
import WinnowObjects
import WinnowStore

/// Loads samples by id, failing on the first unknown one.
func loadSamples(_ ids: [String], in environment: WinnowEnvironment) async throws -> [Sample] {
    var samples: [Sample] = []
    for id in ids {
        guard let sample = try await environment.store.sample(id: id) else { throw CLIError("no sample '\(id)'; nothing was changed") }
        samples.append(sample)
    }
    return samples
}

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
            var samples = try await loadSamples(ids, in: environment)
            var corrected: VOCAnnotation?
            if let annotation {
                do {
                    corrected = try VOCCodec.decode(try LocalFiles.read(ResourceLocationPath.absolute(annotation), maximumSize: 8 << 20), file: annotation)
                } catch let error as CodecError {
                    throw CLIError(error.description)
                }
            }
            let now = Date()
            for index in samples.indices {
                var sample = samples[index]
                if let label {
                    guard sample.labels.allSatisfy({ $0.type == .imageClassification }) else {
                        throw CLIError("sample \(sample.id) has boxes; correct detection samples with --annotation FILE.xml")
                    }
                    sample.labels = [Label(type: .imageClassification, name: label, annotatedBy: "human")]
                } else if let corrected {
                    sample.labels = corrected.objects.map {
                        ManifestSampleMapping.label(from: $0, annotation: ManifestAnnotation(type: .objectDetection, annotatedBy: "human"))
                    }
                    sample.imageSize = corrected.size
                } else {
                    guard !sample.labels.isEmpty else { throw CLIError("sample \(sample.id) has no label to confirm; give --label or --annotation") }
                    sample.labels = sample.labels.map { var confirmed = $0; confirmed.annotatedBy = "human"; return confirmed }
                }
                sample.state = .labeled
                sample.updatedAt = now
                samples[index] = sample
            }
            try await environment.store.updateSamples(samples)
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
    var samples = try await loadSamples(ids, in: environment)
    for index in samples.indices {
        var info = samples[index].hardExample ?? HardExampleInfo(isHard: hard)
        info.isHard = hard
        samples[index].hardExample = info
        samples[index].updatedAt = Date()
    }
    try await environment.store.updateSamples(samples)
    Console.out("\(hard ? "marked" : "unmarked") hard: \(samples.count) sample\(samples.count == 1 ? "" : "s")")
}
