import ArgumentParser
import WinnowCore
import WinnowEngine
import WinnowStore

/// `winnow service start NAME`
struct ServiceStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Run a deployed, stopped or failed service; it resumes where it stopped.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The service's name.")
    var name: String

    @Flag(name: .customLong("quiet"), help: "No progress lines.")
    var quiet = false

    @OptionGroup(title: "Distributed run") var handOff: WorkerHandOffOptions

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let manager = environment.serviceManager
            var service = try await manager.service(named: name)
            try manager.prepareStart(service)
            if service.status == .running {
                // Its process died (stale heartbeat): take it over.
                service.status = .stopped
                try await environment.services.updateService(service)
            }
            if handOff.workers {
                if let result = try await handOff.handOff(service, in: environment, quiet: quiet) { try Self.report(result) }
                return
            }
            try Self.report(try await ServiceRunning.run(service, in: environment, quiet: quiet))
        }
    }

    /// Prints the outcome; exits 1 when the service failed.
    static func report(_ service: BatchService) throws {
        switch service.status {
        case .finished:
            Console.out("finished: \(service.progress.succeeded) succeeded, \(service.progress.failed) failed; output in \(service.output)")
        case .stopped:
            Console.out("stopped: \(service.progress.done) of \(service.progress.total) done; winnow service start \(service.name) resumes")
        default:
            throw CLIError("service \(service.name) \(service.status.rawValue): \(service.error ?? "no reason recorded")")
        }
    }
}

/// `winnow service stop NAME`
struct ServiceStopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop a running service cleanly (from another terminal).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The service's name.")
    var name: String

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let service = try await environment.serviceManager.stop(name)
            Console.out("stopped: service \(service.name) (\(service.progress.done) of \(service.progress.total) done)")
        }
    }
}

/// `winnow service restart NAME`
struct ServiceRestartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restart", abstract: "Run a service again from scratch.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The service's name.")
    var name: String

    @Flag(name: .customLong("quiet"), help: "No progress lines.")
    var quiet = false

    @OptionGroup(title: "Distributed run") var handOff: WorkerHandOffOptions

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let service = try await environment.serviceManager.prepareRestart(name)
            if handOff.workers {
                if let result = try await handOff.handOff(service, in: environment, quiet: quiet) { try ServiceStartCommand.report(result) }
                return
            }
            try ServiceStartCommand.report(try await ServiceRunning.run(service, in: environment, quiet: quiet))
        }
    }
}

/// `winnow service delete NAME`
struct ServiceDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a service's record.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The service's name.")
    var name: String

    @Flag(name: .customLong("remove-output"), help: "Also delete its output folder.")
    var removeOutput = false

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            try await environment.serviceManager.delete(name, removeOutput: removeOutput)
            Console.out("deleted: service \(name)")
        }
    }
}

/// `winnow service import-output --name N --type T --input PATH --output FOLDER`
struct ServiceImportOutputCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-output",
        abstract: "Register a finished batch service from the output a previous run left (ModelArts layout).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("name"), help: "The service's name.")
    var name: String

    @Option(name: .customLong("type"), help: "What the model predicted: image_classification or object_detection.")
    var type: LabelingType

    @Option(name: .customLong("input"), help: ArgumentHelp("The run's input folder or manifest (or s3:// / obs:// URI).", valueName: "path"))
    var input: String

    @Option(name: .customLong("output"), help: ArgumentHelp("The folder or s3:// / obs:// prefix holding infer-result-*.manifest.", valueName: "folder"))
    var output: String

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let service = try await environment.serviceManager
                .importOutput(name: name, type: type, input: input, output: output)
            Console.out("imported: service \(service.name), finished, \(service.progress.succeeded) succeeded, \(service.progress.failed) failed (run \(service.runID))")
        }
    }
}
