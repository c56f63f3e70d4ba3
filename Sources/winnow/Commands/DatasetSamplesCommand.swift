import Foundation
import ArgumentParser
import WinnowCore
import WinnowStore

/// `winnow dataset samples NAME`
struct DatasetSamplesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "samples", abstract: "List a dataset's samples, with filters.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The dataset's name.")
    var name: String

    @Option(name: .customLong("state"), help: "Only samples in this state.")
    var state: SampleState?

    @Flag(name: .customLong("hard"), help: "Only samples flagged hard.")
    var hardOnly = false

    @Option(name: .customLong("reason"), help: "Only samples picked for this reason code (0–30).")
    var reason: Int?

    @Option(name: .customLong("label"), help: "Only samples with a label of this name.")
    var label: String?

    @Option(name: .customLong("limit"), help: "At most this many samples.")
    var limit = 50

    func validate() throws {
        if let reason, HardReason.withID(reason) == nil { throw ValidationError("--reason must be a reason code from 0 to 30, got \(reason)") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let dataset = try await environment.dataset(named: name)
            let query = SampleQuery(
                datasetID: dataset.id, state: state, hard: hardOnly ? true : nil, reason: reason, label: label,
                sort: hardOnly || reason != nil ? .coefficient : .source, descending: hardOnly || reason != nil, limit: limit)
            let samples = try await environment.store.listSamples(query)
            if output.json { return try Console.json(samples.map(SampleView.init)) }
            let total = try await environment.store.countSamples(query)
            var table = TextTable("STATE", "HARD", "COEFF", "REASONS", "LABELS", "SOURCE")
            for sample in samples {
                let coefficient = sample.hardExample?.coefficient.map { String(format: "%.3f", $0) } ?? "-"
                let reasons = sample.hardExample.map { HardReason.formatList($0.reasons) } ?? ""
                table.add(sample.state.rawValue, sample.isHard ? "yes" : "", coefficient, reasons.isEmpty ? "-" : reasons,
                          Set(sample.labels.map(\.name)).sorted().joined(separator: ","), sample.source)
            }
            Console.out(table.rendered)
            if total > samples.count { Console.error("showing \(samples.count) of \(total); use --limit for more") }
        }
    }
}
