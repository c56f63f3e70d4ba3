import ArgumentParser
import WinnowCore
import WinnowStore

/// `winnow dataset list`
struct DatasetListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the datasets with their sample counts.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            var views: [DatasetView] = []
            for dataset in try await environment.store.listDatasets() {
                views.append(DatasetView(dataset, statistics: try await environment.store.statistics(datasetID: dataset.id)))
            }
            if output.json { return try Console.json(views) }
            guard !views.isEmpty else { return Console.out("no datasets (create one with: winnow dataset create NAME --type image_classification)") }
            var table = TextTable("NAME", "TYPE", "SAMPLES", "UNLABELED", "LABELED", "TO CONFIRM", "HARD")
            for view in views {
                let stats = view.statistics
                table.add(
                    view.name, view.labelingType, "\(stats?.total ?? 0)", "\(stats?.byState["unlabeled"] ?? 0)",
                    "\(stats?.byState["labeled"] ?? 0)", "\(stats?.byState["to_be_confirmed"] ?? 0)", "\(stats?.hard ?? 0)")
            }
            Console.out(table.rendered)
        }
    }
}
