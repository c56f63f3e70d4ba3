import ArgumentParser
import Foundation
import WinnowCore
import WinnowStore

/// `winnow dataset show NAME`
struct DatasetShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a dataset: counts by state and by hard-example reason.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The dataset's name.")
    var name: String

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let dataset = try await environment.dataset(named: name)
            let statistics = try await environment.store.statistics(datasetID: dataset.id)
            if output.json { return try Console.json(DatasetView(dataset, statistics: statistics)) }
            Console.out("""
                name:       \(dataset.name)
                id:         \(dataset.id)
                type:       \(dataset.labelingType.rawValue)\(dataset.labelingType.supportsHardExamples ? "" : " (no hard-example mining)")
                created:    \(dataset.createdAt.formatted(.iso8601))
                samples:    \(statistics.total)
                  unlabeled:        \(statistics.byState[.unlabeled] ?? 0)
                  labeled:          \(statistics.byState[.labeled] ?? 0)
                  to be confirmed:  \(statistics.byState[.toBeConfirmed] ?? 0)
                hard:       \(statistics.hard)
                """)
            if !statistics.byReason.isEmpty {
                var table = TextTable("REASON", "ALIAS", "HARD SAMPLES", "DESCRIPTION")
                for reason in statistics.byReason.keys.sorted() {
                    let info = HardReason.withID(reason)
                    table.add("\(reason)", info?.alias ?? "?", "\(statistics.byReason[reason] ?? 0)", info?.description ?? "")
                }
                Console.out("\n" + table.rendered)
            }
            let pending = try await environment.store.pendingImports().filter { $0.datasetID == dataset.id }
            if !pending.isEmpty {
                Console.error("note: \(pending.count) unfinished import(s) hold \(pending.map(\.stagedCount).reduce(0, +)) invisible staged samples (an import was interrupted); import again to complete")
            }
        }
    }
}
