import ArgumentParser
import WinnowCore
import WinnowEngine

/// `winnow dataset export NAME --out FILE`
struct DatasetExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a dataset as a ModelArts manifest (with PASCAL VOC files for detection).",
        discussion: "VOC files go to NAME-annotations/ beside the manifest and are named relative to it."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The dataset's name.")
    var name: String

    @Option(name: .customLong("out"), help: ArgumentHelp("The manifest to write.", valueName: "file"))
    var output: String

    @Option(name: .customLong("state"), help: "Only samples in this state: unlabeled, labeled or to_be_confirmed.")
    var state: SampleState?

    @Flag(name: .customLong("hard-only"), help: "Only samples flagged hard.")
    var hardOnly = false

    @Flag(name: .customLong("clear-hard"), help: "Leave out the hard-example fields (hard, hard-coefficient, hard-reasons).")
    var clearHard = false

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let dataset = try await environment.dataset(named: name)
            let exporter = DatasetExporter(store: environment.store)
            let report = try await exporter.export(
                dataset, to: output, options: DatasetExporter.Options(state: state, hardOnly: hardOnly, clearHard: clearHard))
            var message = "exported \(report.samples) sample\(report.samples == 1 ? "" : "s") of \(dataset.name) to \(output)"
            if let folder = report.annotationFolder { message += " with \(report.annotationFiles) VOC files in \(folder)" }
            Console.out(message)
        }
    }
}
