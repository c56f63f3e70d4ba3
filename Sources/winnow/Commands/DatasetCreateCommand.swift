import ArgumentParser
import WinnowCore
import WinnowStore

/// `winnow dataset create NAME --type TYPE`
struct DatasetCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create an empty dataset.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The dataset's name: letters, digits, '-', '_' and '.'.")
    var name: String

    @Option(name: .customLong("type"), help: "Labeling type: image_classification or object_detection (other ModelArts types are stored, but not mined).")
    var type: LabelingType

    @Option(help: "A description.")
    var description: String = ""

    @Flag(name: .customLong("exist-ok"), help: "Succeed if a dataset of that name and type exists already.")
    var existOK = false

    func run() async throws {
        try await reportingFailures {
            do throws(WinnowCore.ValidationError) {
                try Dataset.validateName(name)
            } catch {
                throw CLIError(error.description)
            }
            let environment = try WinnowEnvironment.open(global)
            if let existing = try await environment.store.dataset(named: name) {
                guard existOK else { throw CLIError("a dataset named '\(name)' exists already") }
                guard existing.labelingType == type else {
                    throw CLIError("dataset '\(name)' exists with type \(existing.labelingType.rawValue), not \(type.rawValue)")
                }
                return try report(existing, created: false)
            }
            let dataset = try await environment.store.createDataset(Dataset(name: name, labelingType: type, description: description))
            try report(dataset, created: true)
        }
    }

    private func report(_ dataset: Dataset, created: Bool) throws {
        if output.json { return try Console.json(DatasetView(dataset)) }
        Console.out("\(created ? "created" : "exists"): dataset \(dataset.name) (\(dataset.labelingType.rawValue)), id \(dataset.id)")
        if !dataset.labelingType.supportsHardExamples {
            Console.error("note: \(dataset.labelingType.rawValue) datasets are stored, but hard-example mining supports image_classification and object_detection only")
        }
    }
}
