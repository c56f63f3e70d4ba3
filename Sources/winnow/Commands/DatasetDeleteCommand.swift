import ArgumentParser
import WinnowCore
import WinnowStore

/// `winnow dataset delete NAME`
struct DatasetDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a dataset and its samples (the image files are not touched).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The dataset's name.")
    var name: String

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let dataset = try await environment.dataset(named: name)
            let count = try await environment.store.countSamples(SampleQuery(datasetID: dataset.id))
            try await environment.store.deleteDataset(id: dataset.id)
            Console.out("deleted: dataset \(dataset.name) with \(count) sample\(count == 1 ? "" : "s")")
        }
    }
}
