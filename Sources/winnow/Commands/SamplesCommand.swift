import ArgumentParser
import Foundation
import WinnowCore
import WinnowStore

/// `winnow samples …`
struct SamplesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samples",
        abstract: "Review samples: list and show them with their reasons, confirm, mark or unmark hard.",
        subcommands: [SamplesListCommand.self, SamplesShowCommand.self, SamplesConfirmCommand.self, SamplesMarkHardCommand.self, SamplesUnmarkHardCommand.self]
    )
}

/// `winnow samples list --dataset D`
struct SamplesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a dataset's samples, with filters.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("dataset"), help: "The dataset.")
    var dataset: String

    @Option(name: .customLong("state"), help: "Only samples in this state: unlabeled, labeled or to_be_confirmed.")
    var state: SampleState?

    @Flag(name: .customLong("hard"), help: "Only samples flagged hard.")
    var hardOnly = false

    @Option(name: .customLong("reason"), help: "Only samples picked for this reason code (0–30).")
    var reason: Int?

    @Option(name: .customLong("min-coefficient"), help: "Only samples whose hard coefficient is at least this.")
    var minCoefficient: Double?

    @Option(name: .customLong("label"), help: "Only samples with a label of this name.")
    var label: String?

    @Option(name: .customLong("sort"), help: "coefficient (hardest first) or name (by source).")
    var sort = "coefficient"

    @Option(name: .customLong("limit"), help: "At most this many samples.")
    var limit = 50

    func validate() throws {
        if let reason, HardReason.withID(reason) == nil { throw ValidationError("--reason must be a reason code from 0 to 30, got \(reason)") }
        if let minCoefficient, !(0...1).contains(minCoefficient) { throw ValidationError("--min-coefficient must be in [0, 1]") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if sort != "coefficient" && sort != "name" { throw ValidationError("--sort is coefficient or name, got '\(sort)'") }
    }

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let dataset = try await environment.dataset(named: self.dataset)
            let query = SampleQuery(
                datasetID: dataset.id, state: state, hard: hardOnly ? true : nil, reason: reason,
                coefficient: minCoefficient.map { $0...1 }, label: label,
                sort: sort == "name" ? .source : .coefficient, descending: sort != "name", limit: limit)
            let samples = try await environment.store.listSamples(query)
            if output.json { return try Console.json(samples.map(SampleView.init)) }
            let total = try await environment.store.countSamples(query)
            var table = TextTable("ID", "STATE", "HARD", "COEFF", "REASONS", "LABELS", "SOURCE")
            for sample in samples {
                let coefficient = sample.hardExample?.coefficient.map { String(format: "%.3f", $0) } ?? "-"
                let reasons = sample.hardExample.map { HardReason.formatList($0.reasons) } ?? ""
                table.add(sample.id, sample.state.rawValue, sample.isHard ? "yes" : "", coefficient, reasons.isEmpty ? "-" : reasons,
                          Set(sample.labels.map(\.name)).sorted().joined(separator: ","), sample.source)
            }
            Console.out(table.rendered)
            if total > samples.count { Console.error("showing \(samples.count) of \(total); use --limit for more") }
        }
    }
}

/// `winnow samples show ID`
struct SamplesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a sample with every reason it was picked for.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The sample id.")
    var id: String

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            guard let sample = try await environment.store.sample(id: id) else { throw CLIError("no sample '\(id)'") }
            if output.json { return try Console.json(SampleDetailView(sample)) }
            var lines = [
                "id:        \(sample.id)", "source:    \(sample.source)", "state:     \(sample.state.rawValue)",
                "size:      \(sample.imageSize.map { "\($0.width)×\($0.height)" } ?? "unknown")",
            ]
            for label in sample.labels {
                var text = "label:     \(label.name)"
                if let shape = label.shape {
                    let box = shape.boundingBox
                    text += " \(shape.kind) [\(Int(box.xmin)), \(Int(box.ymin)), \(Int(box.xmax)), \(Int(box.ymax))]"
                }
                if let confidence = label.confidence { text += String(format: " confidence %.3f", confidence) }
                text += " by \(label.annotatedBy ?? "human")"
                lines.append(text)
            }
            if let hard = sample.hardExample {
                lines.append("hard:      \(hard.isHard ? "yes" : "no")" + (hard.coefficient.map { String(format: ", coefficient %.3f", $0) } ?? ""))
                for detail in hard.details {
                    let reason = HardReason.withID(detail.reason)
                    lines.append("reason \(detail.reason) (\(reason?.alias ?? "?")): \(reason?.description ?? "")")
                    if let measured = detail.measured { lines.append("    measured \(String(format: "%.4g", measured))" + (detail.reference.map { " against \($0)" } ?? "")) }
                    if let suggestion = detail.suggestion ?? reason?.suggestion { lines.append("    suggestion: \(suggestion)") }
                }
            }
            Console.out(lines.joined(separator: "\n"))
        }
    }
}

/// A sample in full as `--json` prints it.
struct SampleDetailView: Encodable {
    var sample: Sample
    init(_ sample: Sample) { self.sample = sample }
    func encode(to encoder: any Encoder) throws { try sample.encode(to: encoder) }
}
