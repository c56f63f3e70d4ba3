import ArgumentParser
import WinnowCore
import WinnowEngine
import WinnowStore

/// `winnow service deploy --name N --model M --input PATH --output FOLDER`
struct ServiceDeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy a model as a batch service and run it to the end.",
        discussion: """
            The input is a folder (its jpg, jpeg, png, bmp and webp files, recursively, in a stable order) or a
            .manifest (its source lines). The output folder must be empty; it receives
            infer-result-{run}.manifest and one NAME_result.txt per input under infer-result-{run}/.
            Ctrl-C stops the service cleanly; winnow service start resumes it.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("name"), help: "The service's name.")
    var name: String

    @Option(name: .customLong("model"), help: "A registered model.")
    var model: String

    @Option(name: .customLong("input"), help: ArgumentHelp("A folder of images or a .manifest file.", valueName: "path"))
    var input: String

    @Option(name: .customLong("output"), help: ArgumentHelp("An empty folder for the results.", valueName: "folder"))
    var output: String

    @Option(name: .customLong("instances"), help: "Requests in flight at once (capped by the model's max_concurrent_requests).")
    var instances = 4

    @Option(name: .customLong("timeout"), help: "Seconds a model may take for one file.")
    var timeout = 60.0

    @Option(name: .customLong("manifest-lines"), help: "Split the output manifest past this many lines.")
    var manifestLines = 100_000

    @Flag(name: .customLong("hard-examples"), help: "Switch hard-example filtering on: it runs when the service finishes.")
    var hardExamples = false

    @OptionGroup(title: "Hard-example filtering") var filter: HardExampleOptions

    @Flag(name: .customLong("no-start"), help: "Only deploy (list the inputs); run later with winnow service start.")
    var noStart = false

    @Flag(name: .customLong("quiet"), help: "No progress lines.")
    var quiet = false

    @OptionGroup(title: "Distributed run") var handOff: WorkerHandOffOptions

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let manager = environment.serviceManager
            let service = try await manager.deploy(.init(
                name: name, modelName: model, input: input, output: output, instances: instances, timeoutSeconds: timeout,
                manifestLineLimit: manifestLines))
            if hardExamples {
                do {
                    let (configured, _) = try await environment.collection.enableFilter(
                        serviceName: service.name, modelType: filter.modelType ?? service.modelType,
                        trainingManifest: filter.trainingManifest, target: try filter.target(), configuration: try filter.miningConfiguration())
                    Console.out("hard-example filtering on: results → dataset \(configured.hardExamples?.datasetName ?? "?")")
                } catch {
                    try? await environment.services.deleteService(id: service.id)
                    throw error
                }
            } else if filter.isGiven || filter.trainingManifest != nil {
                throw CLIError("--hard-dataset, --new-hard-dataset and --training-manifest go with --hard-examples")
            }
            Console.out("deployed: service \(service.name) over \(service.progress.total) input\(service.progress.total == 1 ? "" : "s"), model \(service.modelName)")
            guard !noStart else { return }
            if handOff.workers {
                if let result = try await handOff.handOff(service, in: environment, quiet: quiet) { try ServiceStartCommand.report(result) }
                return
            }
            let result = try await ServiceRunning.run(service, in: environment, quiet: quiet)
            try ServiceStartCommand.report(result)
        }
    }
}
