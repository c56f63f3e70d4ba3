import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOPosix
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowReport
import WinnowStore

/// `winnow mine --predictions OUTPUT --type TYPE … --out HARD.manifest`
struct MineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine",
        abstract: "Find the hard examples in a batch output and write them as a ModelArts manifest.",
        discussion: """
            Reads a batch service's output (a folder with infer-result-*.manifest, or that manifest), scores every
            sample with the reasons 0–30 enabled, and writes the hard ones (hard, hard-coefficient, hard-reasons and
            the model's prediction as annotation; VOC files for detection) to --out. Without a training manifest,
            every rule that compares with the training set compares with the batch instead, and says so.
            FAILED results and unreadable images are reported, not fatal.

            Scaling out: run phase 1 on parts of the batch with --shard i/N --partial-out FILE (anywhere), then
            phase 2 once with --partials FILE,FILE,… --out …: the output equals that of a single run.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("predictions"), help: ArgumentHelp("A batch output folder or its infer-result manifest.", valueName: "path"))
    var predictions: String?

    @Option(name: .customLong("type"), help: "image_classification or object_detection.")
    var type: LabelingType?

    @Option(name: [.customLong("train-manifest"), .customLong("training-manifest")], help: ArgumentHelp(
        "The manifest the model was trained on (labels, VOC boxes, images).", valueName: "manifest"))
    var trainManifest: String?

    @OptionGroup(title: "Rules and budget") var mining: MiningArguments

    @Option(name: .customLong("augment"), help: ArgumentHelp(
        "Augmentations to ask the model about (reasons 19–29): names (\(AugmentationKind.allCases.map(\.rawValue).joined(separator: ","))), reason ids, or 'default' (\(AugmentationProber.defaultKinds.map(\.rawValue).joined(separator: ","))). Needs --model.",
        valueName: "list"))
    var augment: String?

    @Option(name: .customLong("model"), help: "A registered model (winnow model list) to answer the augmented copies.")
    var model: String?

    @Option(name: .customLong("embedding"), help: "Where embeddings come from: auto, model or builtin (default auto).")
    var embedding: String = "auto"

    @Option(name: .customLong("jobs"), help: "Images decoded at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .customLong("reference-images"), help: "Measure at most this many training images (a seeded sample; default 5000).")
    var referenceImages: Int = 5000

    @Option(name: .customLong("out"), help: ArgumentHelp("Where to write the hard examples' manifest.", valueName: "file"))
    var out: String?

    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Where to write the report: FILE.json (every pick explained) or FILE.html (one self-contained page with charts and thumbnails).",
        valueName: "file"))
    var report: String?

    @Option(name: .customLong("top"), help: "Thumbnails of this many of the hardest examples in an HTML report (default 50).")
    var top: Int = 50

    @Flag(name: .customLong("explain"), help: "Print the effective configuration (every threshold) first.")
    var explain = false

    @Option(name: .customLong("shard"), help: ArgumentHelp("Phase 1 on part i of N of the batch; needs --partial-out.", valueName: "i/N"))
    var shard: String?

    @Option(name: .customLong("partial-out"), help: ArgumentHelp("Where --shard writes its phase-1 records.", valueName: "file"))
    var partialOut: String?

    @Option(name: .customLong("partials"), help: ArgumentHelp("Phase 2 from these phase-1 record files (comma-separated).", valueName: "files"))
    var partials: String?

    @Flag(name: .customLong("quiet"), help: "No progress lines.")
    var quiet = false

    func run() async throws {
        try await reportingFailures {
            let configuration = try mining.configuration()
            if explain { Console.out(configuration.explain()) }
            guard let predictions else {
                if explain { return }
                throw CLIError("--predictions is required (a batch output folder or its infer-result manifest)")
            }
            guard let type else { throw CLIError("--type is required: image_classification or object_detection") }
            guard let embeddingSource = MiningOptions.EmbeddingSource(rawValue: embedding) else {
                throw CLIError("--embedding must be auto, model or builtin, got '\(embedding)'")
            }
            var options = MiningOptions(
                configuration: configuration, type: type, embeddingSource: embeddingSource, concurrency: jobs, referenceImageLimit: referenceImages)
            if let shard {
                do throws(WinnowCore.ValidationError) { options.shard = try MiningOptions.Shard(parsing: shard) } catch { throw CLIError("--shard: \(error.message)") }
                guard partialOut != nil else { throw CLIError("--shard writes phase-1 records: give --partial-out FILE") }
                guard partials == nil, out == nil, report == nil else { throw CLIError("--shard runs phase 1 only; --out, --report and --partials belong to the phase-2 run") }
            } else if partialOut != nil {
                throw CLIError("--partial-out goes with --shard i/N")
            } else if out == nil && report == nil {
                throw CLIError("give --out FILE (the hard examples' manifest) and/or --report FILE")
            }
            let reader = StandardResourceReader()
            let source = try BatchOutputEntries(path: predictions, reader: reader)
            let training = try await trainManifest.asyncMap { try await TrainingSetReader(reader: reader).read(ResourceLocationPath.absolute($0), type: type) }
            let started = Date()
            let progress = MiningProgressLine(quiet: quiet)
            try await withAugmentation(type: type, configuration: configuration) { prober in
                var engine = try HardExampleMining(options: options, prober: prober)
                engine.imageReader = reader
                engine.progress = { progress.show($0) }
                if let shard = options.shard, let partialOut {
                    try await runPhase1(engine, source: source, hasTraining: training != nil, shard: shard, to: partialOut)
                    return
                }
                let run: MiningRun
                if let partials {
                    run = try await runPhase2(engine, source: source, training: training, partials: partials)
                } else {
                    run = try await engine.run(source, training: training)
                }
                try await write(run, engine: engine, source: source, configuration: configuration)
                MineSummary.print(run, elapsed: Date().timeIntervalSince(started), out: out, report: report)
            }
        }
    }

    /// Runs `body` with a prober on the model when augmentations are asked for, stopping the model after.
    func withAugmentation(type: LabelingType, configuration: MiningConfiguration, _ body: (AugmentationProber?) async throws -> Void) async throws {
        guard augment != nil || model != nil else { return try await body(nil) }
        guard let model else { throw CLIError("--augment needs --model NAME: the model answers the augmented copies") }
        let kinds = try Self.parseAugmentations(augment ?? "default").filter { configuration.isEnabled($0.reasonID) }
        guard !kinds.isEmpty else { throw CLIError("--augment: none of the augmentations asked for has its reason enabled in --reasons") }
        let environment = try WinnowEnvironment.open(global)
        guard let registered = try await environment.services.model(named: model) else {
            throw CLIError("no model named '\(model)' (winnow model list shows the models)")
        }
        guard registered.spec.type == type else {
            throw CLIError("model \(model) is \(registered.spec.type.rawValue) but --type is \(type.rawValue)")
        }
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let connection: ModelConnection
        do {
            connection = try await ModelConnection.open(registered, httpClient: client)
        } catch {
            try? await client.shutdown()
            throw error
        }
        do {
            try await body(AugmentationProber(client: connection.client, type: type, kinds: kinds, seed: configuration.seed))
        } catch {
            connection.close()
            try? await client.shutdown()
            throw error
        }
        connection.close()
        try? await client.shutdown()
    }

    static func parseAugmentations(_ text: String) throws -> [AugmentationKind] {
        var kinds: [AugmentationKind] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
            if part == "default" {
                kinds += AugmentationProber.defaultKinds
            } else if part == "all" {
                kinds += AugmentationKind.allCases
            } else if let kind = AugmentationKind(rawValue: part) {
                kinds.append(kind)
            } else if let id = Int(part), let kind = AugmentationKind(reasonID: id) {
                kinds.append(kind)
            } else {
                throw CLIError("--augment: unknown augmentation '\(part)'; use \(AugmentationKind.allCases.map(\.rawValue).joined(separator: ", ")), 19–29, default or all")
            }
        }
        return kinds
    }

    func runPhase1(_ engine: HardExampleMining, source: BatchOutputEntries, hasTraining: Bool, shard: MiningOptions.Shard, to path: String) async throws {
        let summary = try await engine.writePartial(source, hasTraining: hasTraining, shard: shard, to: ResourceLocationPath.absolute(path))
        Console.out("phase 1, shard \(shard): \(summary.entries) sample(s) scored, \(summary.failures) without an answer, \(summary.problems.count) problem(s) → \(path)")
        for problem in summary.problems.items.prefix(10) { Console.error("warning: \(problem)") }
    }

    func runPhase2(_ engine: HardExampleMining, source: BatchOutputEntries, training: TrainingSet?, partials: String) async throws -> MiningRun {
        let files = partials.split(separator: ",").map { ResourceLocationPath.absolute(String($0)) }
        return try await engine.run(partials: files, source: source, training: training)
    }

    func write(_ run: MiningRun, engine: HardExampleMining, source: BatchOutputEntries, configuration: MiningConfiguration) async throws {
        if let out {
            let writer = try SampleManifestWriter(path: out, clearHard: false)
            do {
                try await engine.forEachSelected(run, in: source, datasetID: "", annotatedBy: model.map { "winnow/\($0)" } ?? "batch-output", stableIDs: true) { samples in
                    for sample in samples { try writer.write(sample) }
                }
                try writer.commit()
            } catch {
                writer.discard()
                throw error
            }
        }
        if let report, HTMLReportFile.isHTML(report) {
            guard top >= 0 else { throw CLIError("--top must be 0 or more, got \(top)") }
            let hardest = try await engine.hardest(run, in: source, top: top, annotatedBy: model.map { "winnow/\($0)" } ?? "batch-output")
            let examples = hardest.enumerated().map { rank, item in
                ReportExample(rank: rank + 1, sample: item.sample, imagePath: item.imagePath,
                              imageProblem: item.imagePath == nil ? "not a local file: \(item.sample.source)" : nil)
            }
            let summary = MiningSummary(
                result: run.result, entries: run.entries, failures: run.failures, problems: run.problemCount, notes: run.notes,
                trainingManifest: trainManifest, model: model)
            var facts: [(name: String, value: String)] = [("Batch output", predictions ?? ""), ("Type", engine.options.type.rawValue)]
            if let model { facts.append(("Model", model)) }
            facts.append(("Training manifest", trainManifest ?? "none: the batch was its own reference"))
            facts.append(("Date", ISO8601DateFormatter().string(from: Date())))
            facts.append(("Configuration", "seed \(configuration.seed), reasons \(configuration.enabledReasons.count) of 31 enabled"))
            let name = ((predictions ?? "batch") as NSString).lastPathComponent
            let page = HardExampleReport(title: "Hard examples — \(name)", facts: facts, summary: summary)
            try await HTMLReportFile.write(page, examples: examples, to: ResourceLocationPath.absolute(report))
        } else if let report {
            let text = JSONWriter.serialize(MiningReport.json(run, configuration: configuration)) + "\n"
            try LocalFiles.writeAtomically(Array(text.utf8), to: ResourceLocationPath.absolute(report))
        }
    }
}

extension Optional {
    /// The async counterpart of `map`.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
