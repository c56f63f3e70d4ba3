import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals
import WinnowEngine

/// `winnow worker [--database postgres://…] [--concurrency K] [--id NAME]`
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run work units of services and filtering tasks handed to workers, until stopped.",
        discussion: """
            Any number of workers, on any machines sharing the database (--database postgres://… or $WINNOW_DATABASE_URL;
            SQLite works for workers on one machine sharing the data folder), the service's input and output folders
            (or object storage) and the model endpoint, take the work units of runs started with --workers (winnow
            service deploy/start --workers, or winnow serve --coordinator-only). A worker holds each unit under a lease
            it renews while working; a unit whose worker dies is taken over once its lease expires. Ctrl-C (SIGINT) or
            SIGTERM: no new units are claimed, the ones held are finished, then the worker exits. One line per event on
            standard error.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("concurrency"), help: "Work units worked on at once.")
    var concurrency = 1

    @Option(name: .customLong("id"), help: "This worker's name in leases and progress lines (default: host:pid).")
    var id: String?

    @Option(name: .customLong("lease"), help: "Seconds a claimed unit is held without a heartbeat; another worker takes it over after.")
    var lease = 30.0

    @Option(name: .customLong("poll"), help: "Seconds between looks for work when there is none.")
    var poll = 0.5

    @Option(name: .customLong("mining-concurrency"), help: "Images decoded at once while mining (default: the number of cores).")
    var miningConcurrency: Int?

    func validate() throws {
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be from 1 to 256, got \(concurrency)") }
        guard lease >= 1 else { throw ValidationError("--lease must be at least 1 second, got \(lease)") }
        guard poll > 0 else { throw ValidationError("--poll must be positive") }
        if let id, id.isEmpty || id.count > 200 { throw ValidationError("--id must be 1 to 200 characters") }
    }

    func run() async throws {
        try await reportingFailures {
            let environment = try WinnowEnvironment.open(global)
            let worker = DistributedWorker(
                runs: environment.distributed(),
                settings: .init(name: id, concurrency: concurrency, leaseDuration: lease, pollInterval: poll),
                miningConcurrency: miningConcurrency, log: { Console.error($0) })
            var logger = Logger(label: "winnow.worker")
            logger.logLevel = .warning
            let group = ServiceGroup(configuration: .init(services: [.init(service: worker)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            try await group.run()
        }
    }
}
