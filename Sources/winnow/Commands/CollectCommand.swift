import ArgumentParser
import Foundation
import WinnowCore
import WinnowEngine
import WinnowStore

/// `winnow collect …`
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Data collection on batch services: sync inputs to a dataset, hard-example filtering, tasks.",
        subcommands: [CollectSyncCommand.self, CollectFilterCommand.self, CollectTasksCommand.self, CollectShowCommand.self, CollectRetryCommand.self]
    )
}

/// `--dataset NAME | --new-dataset NAME`
struct DatasetTargetOptions: ParsableArguments {
    @Option(name: .customLong("dataset"), help: "An existing dataset.")
    var dataset: String?

    @Option(name: .customLong("new-dataset"), help: "A new dataset to create.")
    var newDataset: String?

    func validate() throws {
        if (dataset == nil) == (newDataset == nil) { throw ValidationError("give either --dataset NAME or --new-dataset NAME") }
    }

    var target: CollectionManager.DatasetTarget {
        if let dataset { return .existing(dataset) }
        return .new(newDataset ?? "")
    }
}

/// `winnow collect sync --service S --labeling-type T (--dataset D | --new-dataset D)`
struct CollectSyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Put every input of a service into a dataset as unlabeled samples (no filtering).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var target: DatasetTargetOptions

    @Option(name: .customLong("service"), help: "The batch service.")
    var service: String

    @Option(name: .customLong("labeling-type"), help: "The dataset's labeling type.")
    var labelingType: LabelingType

    func run() async throws {
        try await reportingFailures {
            let task = try await WinnowEnvironment.open(global).collection.sync(serviceName: service, labelingType: labelingType, target: target.target)
            CollectTaskView.report(task)
            if task.status == .failed { throw ExitCode(1) }
        }
    }
}

/// `winnow collect filter enable|disable --service S …`
struct CollectFilterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Switch hard-example filtering on or off for a batch service.",
        discussion: """
            Filtering runs when the service finishes, over all its results, with every reason 0–18 and 30 by
            default (--reasons, --max, --max-fraction and --mining-config change that; docs/mining.md).
            If the service has finished already, enabling filtering runs nothing: restart the service
            (winnow service restart S) to run it again and then the filtering.
            """,
        subcommands: [CollectFilterEnableCommand.self, CollectFilterDisableCommand.self]
    )
}

/// The filtering settings shared by `collect filter enable` and `service deploy --hard-examples`.
struct HardExampleOptions: ParsableArguments {
    @Option(name: .customLong("model-type"), help: "image_classification or object_detection (default: the model's type).")
    var modelType: LabelingType?

    @Option(name: .customLong("training-manifest"), help: "The manifest the model was trained on (optional, recommended).")
    var trainingManifest: String?

    @Option(name: .customLong("hard-dataset"), help: "An existing dataset for the hard examples.")
    var dataset: String?

    @Option(name: .customLong("new-hard-dataset"), help: "A new dataset for the hard examples.")
    var newDataset: String?

    @OptionGroup var mining: MiningArguments

    var isGiven: Bool { dataset != nil || newDataset != nil }

    /// The mining configuration when any mining option was given, else `nil` (the defaults, as they
    /// stand when the filtering runs).
    func miningConfiguration() throws -> MiningConfiguration? {
        let given = mining.reasons != nil || mining.maximumCount != nil || mining.maximumFraction != nil || mining.ranking != nil || mining.diversity != nil
            || mining.seed != nil || mining.configurationFile != nil
        return given ? try mining.configuration() : nil
    }

    func target() throws -> CollectionManager.DatasetTarget {
        if let dataset, newDataset == nil { return .existing(dataset) }
        if let newDataset, dataset == nil { return .new(newDataset) }
        throw CLIError("give either --hard-dataset NAME or --new-hard-dataset NAME")
    }
}

struct CollectFilterEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Switch hard-example filtering on.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: HardExampleOptions

    @Option(name: .customLong("service"), help: "The batch service.")
    var service: String

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            var type = options.modelType
            if type == nil {
                type = try await environment.serviceManager.service(named: service).modelType
            }
            guard let type else { return }
            let (updated, restartNeeded) = try await environment.collection.enableFilter(
                serviceName: service, modelType: type, trainingManifest: options.trainingManifest, target: try options.target(),
                configuration: try options.miningConfiguration())
            Console.out("hard-example filtering on for service \(updated.name): \(type.rawValue) results → dataset \(updated.hardExamples?.datasetName ?? "?")"
                + (updated.hardExamples?.trainingManifest.map { ", compared with \($0)" } ?? ", no training manifest (the batch is its own reference)"))
            if restartNeeded {
                Console.out("note: service \(updated.name) is \(updated.status.rawValue); filtering runs when a service finishes, so restart it: winnow service restart \(updated.name)")
            }
        }
    }
}

struct CollectFilterDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Switch hard-example filtering off.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("service"), help: "The batch service.")
    var service: String

    func run() async throws {
        try await reportingFailures {
            let updated = try await WinnowEnvironment.open(global).collection.disableFilter(serviceName: service)
            Console.out("hard-example filtering off for service \(updated.name)")
        }
    }
}

/// `winnow collect tasks [--service S]`
struct CollectTasksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tasks", abstract: "List collection tasks, newest first.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("service"), help: "Only this service's tasks.")
    var service: String?

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            var serviceID: String?
            if let service {
                serviceID = try await environment.serviceManager.service(named: service).id
            }
            let tasks = try await environment.tasks.listTasks(serviceID: serviceID)
            if output.json { return try Console.json(tasks) }
            guard !tasks.isEmpty else { return Console.out("no collection tasks") }
            var table = TextTable("TASK", "KIND", "SERVICE", "DATASET", "STATUS", "SCANNED", "HARD", "IMPORTED")
            for task in tasks {
                table.add(task.id, task.kind.rawValue, task.serviceName, task.datasetName, task.status.displayName,
                          "\(task.scanned)", task.kind == .filter ? "\(task.hard)" : "-", "\(task.imported)")
            }
            Console.out(table.rendered)
        }
    }
}

/// `winnow collect show TASK`
struct CollectShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a collection task.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "The task id.")
    var task: String

    func run() async throws {
        try await reportingFailures {
            guard let found = try await WinnowEnvironment.open(global).tasks.task(id: task) else { throw CLIError("no collection task '\(task)'") }
            if output.json { return try Console.json(found) }
            CollectTaskView.report(found, detailed: true)
        }
    }
}

/// `winnow collect retry TASK`
struct CollectRetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Run a failed collection task again.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The task id.")
    var task: String

    func run() async throws {
        try await reportingFailures {
            let result = try await WinnowEnvironment.open(global).collection.retry(taskID: task)
            CollectTaskView.report(result)
            if result.status == .failed { throw ExitCode(1) }
        }
    }
}

/// How a task is shown.
enum CollectTaskView {
    static func report(_ task: CollectionTask, detailed: Bool = false) {
        var text = "\(task.kind == .sync ? "sync" : "hard-example filtering") task \(task.id) on service \(task.serviceName): \(task.status.displayName)"
        switch task.status {
        case .completed where task.kind == .sync:
            text += " — \(task.scanned) inputs, \(task.imported) new unlabeled samples in dataset \(task.datasetName)"
        case .completed:
            text += " — \(task.scanned) results, \(task.hard) hard, \(task.imported) to be confirmed in dataset \(task.datasetName)"
        case .failed:
            text += ": \(task.failureReason ?? "no reason recorded")"
        default:
            break
        }
        Console.out(text)
        if task.status == .completed, let note = task.failureReason { Console.error("note: " + note) }
        if detailed {
            func time(_ date: Date?) -> String { date.map { $0.formatted(.iso8601) } ?? "-" }
            Console.out("created \(time(task.createdAt)), started \(time(task.startedAt)), finished \(time(task.finishedAt))")
        }
        if task.status == .completed, task.kind == .filter, task.hard > 0 {
            Console.out("review: winnow samples list --dataset \(task.datasetName) --state to_be_confirmed")
        }
    }
}
