import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOPosix
public import ServiceLifecycle
import Synchronization
import WinnowCore
import WinnowEngine
import WinnowStore

/// Runs batch services and collection tasks in the background of the server: a `Service` in the
/// application's service group, whose `run()` owns every job as a child task, so nothing outlives the
/// application.
///
/// On a graceful shutdown it takes no new jobs, asks the services it runs to stop (their finished
/// inputs are kept; `start` resumes them) and waits for the jobs to end.
public final class EngineExecutor: Service, Sendable {
    /// A unit of background work.
    enum Job: Sendable {
        /// Run a deployed, stopped or restarted service, then its filtering task when filtering is on.
        case runService(id: String, name: String)
        /// Run a queued (or abandoned) collection task.
        case runTask(CollectionTask)
    }

    private struct State {
        var services: Set<String> = []
        var tasks: Set<String> = []
        var accepting = true
    }

    private let stores: ServerStores
    private let resumesOnStart: Bool
    private let coordinatorOnly: Bool
    private let logger: Logger
    private let jobs: AsyncStream<Job>
    private let continuation: AsyncStream<Job>.Continuation
    private let state = Mutex(State())

    init(stores: ServerStores, resumesOnStart: Bool, coordinatorOnly: Bool = false, logger: Logger) {
        self.stores = stores
        self.resumesOnStart = resumesOnStart
        self.coordinatorOnly = coordinatorOnly && stores.units != nil
        self.logger = logger
        (jobs, continuation) = AsyncStream.makeStream(of: Job.self)
    }

    var manager: BatchServiceManager { BatchServiceManager(services: stores.services, reader: stores.reader, outputStores: stores.outputStores) }
    var collection: CollectionManager {
        CollectionManager(store: stores.metadata, services: stores.services, tasks: stores.tasks, reader: stores.reader)
    }

    /// Runs on workers, when the stores have work units.
    var distributed: DistributedRuns? {
        stores.units.map {
            var runs = DistributedRuns(store: stores.metadata, services: stores.services, tasks: stores.tasks, units: $0, reader: stores.reader)
            runs.outputStores = stores.outputStores
            return runs
        }
    }

    /// Whether this process is running the service right now (or has it queued).
    func isRunning(serviceID: String) -> Bool { state.withLock { $0.services.contains(serviceID) } }

    /// Whether this process is running the task right now (or has it queued).
    func isRunning(taskID: String) -> Bool { state.withLock { $0.tasks.contains(taskID) } }

    /// Queues a job. Throws `WINNOW.CONFLICT` when the same service or task is already queued or
    /// running here, or when the server is shutting down.
    func submit(_ job: Job) throws {
        try state.withLock { state in
            guard state.accepting else { throw APIError(.conflict, "the server is shutting down; try again after its restart") }
            switch job {
            case .runService(let id, let name):
                guard state.services.insert(id).inserted else { throw APIError(.conflict, "service \(name) is running already") }
            case .runTask(let task):
                guard state.tasks.insert(task.id).inserted else { throw APIError(.conflict, "task \(task.id) is running already") }
            }
        }
        continuation.yield(job)
    }

    /// Resumes abandoned work, then runs queued jobs as child tasks until a graceful shutdown.
    public func run() async throws {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(5))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                if resumesOnStart { await resumeAbandonedWork() }
                for await job in jobs {
                    group.addTask { await self.execute(job, client: client) }
                }
                // Shutting down: stop the services still running; their runners notice within a second.
                for id in state.withLock({ Array($0.services) }) {
                    if let service = try? await stores.services.service(id: id), service.status == .running {
                        _ = try? await manager.stop(service.name)
                    }
                }
            }
        } onGracefulShutdown: {
            self.state.withLock { $0.accepting = false }
            self.continuation.finish()
        }
        try? await client.shutdown()
    }

    private func execute(_ job: Job, client: HTTPClient) async {
        if coordinatorOnly, let distributed {
            await handOff(job, to: distributed)
            return
        }
        switch job {
        case .runService(let id, let name):
            defer { _ = state.withLock { $0.services.remove(id) } }
            do {
                var runner = BatchServiceRunner(services: stores.services, reader: stores.reader, httpClient: client)
                runner.outputStores = stores.outputStores
                let result = try await runner.run(serviceID: id)
                logger.info("service \(name): \(result.status.rawValue), \(result.progress.done)/\(result.progress.total) done")
                if let task = try await collection.filterAfterFinish(result) {
                    logger.info("service \(name): filtering task \(task.id) \(task.status.displayName)")
                }
            } catch {
                logger.error("service \(name): \(error)")
            }
        case .runTask(let task):
            defer { _ = state.withLock { $0.tasks.remove(task.id) } }
            do {
                let result = try await collection.run(task)
                logger.info("task \(task.id): \(result.status.displayName)")
            } catch {
                logger.error("task \(task.id): \(error)")
            }
        }
    }

    /// Coordinator only: the job becomes work units for workers; this process only tracks it.
    private func handOff(_ job: Job, to distributed: DistributedRuns) async {
        switch job {
        case .runService(let id, let name):
            defer { _ = state.withLock { $0.services.remove(id) } }
            do {
                let (_, units) = try await distributed.start(serviceID: id)
                logger.info("service \(name): handed to workers in \(units) work unit(s)")
            } catch {
                logger.error("service \(name): \(error)")
            }
        case .runTask(let task):
            defer { _ = state.withLock { $0.tasks.remove(task.id) } }
            do {
                if task.kind == .filter {
                    _ = try await distributed.startFiltering(task)
                    logger.info("task \(task.id): handed to workers")
                } else {
                    let result = try await collection.run(task)
                    logger.info("task \(task.id): \(result.status.displayName)")
                }
            } catch {
                logger.error("task \(task.id): \(error)")
            }
        }
    }

    /// Services left `running` by a process that died are taken over and run on (they resume); collection
    /// tasks left unfinished are run again.
    private func resumeAbandonedWork() async {
        do {
            for var service in try await stores.services.listServices() where service.status == .running && !manager.isActive(service) {
                service.status = .stopped
                try await stores.services.updateService(service)
                logger.info("resuming service \(service.name), left running by a process that is gone")
                try? submit(.runService(id: service.id, name: service.name))
            }
            for task in try await stores.tasks.unfinishedTasks() {
                // A task split into work units belongs to the workers.
                if let units = stores.units, try await !units.workUnits(jobID: DistributedJobID.mining(taskID: task.id)).isEmpty { continue }
                logger.info("resuming collection task \(task.id) (\(task.status.rawValue))")
                try? submit(.runTask(task))
            }
        } catch {
            logger.error("cannot resume abandoned work: \(error)")
        }
    }
}
