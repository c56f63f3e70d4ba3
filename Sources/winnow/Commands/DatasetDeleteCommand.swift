import ArgumentParser
import WinnowCore
import WinnowEngine
import WinnowStore

/// `winnow dataset delete NAME`
struct DatasetDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a dataset and its samples (the image files are not touched).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The dataset's name.")
    var name: String

    @Flag(name: .customLong("force"), help: "Also when a service's hard-example filtering writes into it: that filtering is switched off.")
    var force = false

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let dataset = try await environment.dataset(named: name)
            let count = try await environment.store.countSamples(SampleQuery(datasetID: dataset.id))
            let switchedOff = try await environment.collection.deleteDataset(dataset, force: force)
            for service in switchedOff { Console.out("hard-example filtering off for service \(service)") }
            Console.out("deleted: dataset \(dataset.name) with \(count) sample\(count == 1 ? "" : "s")")
        }
    }
}
