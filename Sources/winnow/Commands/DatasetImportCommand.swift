import ArgumentParser
import WinnowCore
import WinnowEngine
import WinnowStore

/// `winnow dataset import MANIFEST --dataset NAME`
struct DatasetImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a manifest into a dataset, all or nothing.",
        discussion: """
            Samples with confirmed (human) labels become labeled, those without labels unlabeled, and those
            marked hard or labelled only by a machine to be confirmed. Annotations of another labeling type
            than the dataset's are left out. A sample whose source is already in the dataset is replaced.
            An invalid line stops the import and nothing is stored, unless --skip-invalid is given.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The manifest (JSON Lines) to import.", valueName: "manifest"))
    var manifest: String

    @Option(name: .customLong("dataset"), help: "The dataset to import into.")
    var datasetName: String

    @Flag(name: .customLong("skip-invalid"), help: "Import the valid lines and report the invalid ones.")
    var skipInvalid = false

    @Flag(name: .customLong("keep-existing"), help: "Keep samples already in the dataset instead of replacing them.")
    var keepExisting = false

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let dataset = try await environment.dataset(named: datasetName)
            let importer = DatasetImporter(store: environment.store, reader: environment.reader)
            let options = DatasetImporter.Options(skipInvalid: skipInvalid, conflictPolicy: keepExisting ? .skipExisting : .replaceExisting)
            let report = try await importer.importManifest(at: manifest, into: dataset, options: options) { lines in
                if lines % 50_000 == 0 { Console.error("import: \(lines) lines read") }
            }
            for problem in report.problems { Console.error("skipped: " + problem.description) }
            if report.invalidLines > report.problems.count {
                Console.error("skipped: … and \(report.invalidLines - report.problems.count) more invalid lines")
            }
            if output.json {
                return try Console.json(ImportView(report: report, dataset: dataset.name))
            }
            let outcome = report.outcome
            Console.out("imported \(manifest) into \(dataset.name): \(report.lines) lines, \(outcome.inserted) new, \(outcome.replaced) replaced, \(outcome.skipped) kept, \(report.invalidLines) invalid")
            Console.out("  unlabeled \(report.byState[.unlabeled] ?? 0), labeled \(report.byState[.labeled] ?? 0), to be confirmed \(report.byState[.toBeConfirmed] ?? 0)")
            if report.ignoredAnnotations > 0 {
                Console.error("note: \(report.ignoredAnnotations) annotation(s) of other types than \(dataset.labelingType.rawValue) were left out")
            }
        }
    }
}

/// An import's outcome as `--json` prints it.
struct ImportView: Encodable {
    var dataset: String
    var lines: Int
    var inserted: Int
    var replaced: Int
    var kept: Int
    var invalid: Int
    var ignoredAnnotations: Int
    var byState: [String: Int]
    var problems: [String]

    init(report: DatasetImporter.Report, dataset: String) {
        self.dataset = dataset
        lines = report.lines
        inserted = report.outcome.inserted
        replaced = report.outcome.replaced
        kept = report.outcome.skipped
        invalid = report.invalidLines
        ignoredAnnotations = report.ignoredAnnotations
        byState = Dictionary(uniqueKeysWithValues: report.byState.map { ($0.key.rawValue, $0.value) })
        problems = report.problems.map(\.description)
    }

    enum CodingKeys: String, CodingKey {
        case dataset, lines, inserted, replaced, kept, invalid, problems
        case ignoredAnnotations = "ignored_annotations"
        case byState = "by_state"
    }
}
