public import AsyncHTTPClient
public import Foundation
import NIOCore
public import ServiceLifecycle
import Synchronization
import WinnowCore
import WinnowStore

/// A `winnow worker`: claims work units of every job running on workers, up to `concurrency` at once,
/// renews each lease with heartbeats while working on it, and completes it. A unit whose worker died is
/// claimed again once its lease expires. On a graceful shutdown (SIGINT, SIGTERM) it claims nothing more
/// and finishes the units it holds.
public final class DistributedWorker: Service, Sendable {
    /// How a worker behaves.
    public struct Settings: Sendable {
        /// This worker's name in leases and progress lines (default `host:pid`).
        public var name: String
        /// Units worked on at once.
        public var concurrency: Int
        /// How long a claim holds a unit without a heartbeat.
        public var leaseDuration: TimeInterval
        /// How often the worker looks for work when it found none.
        public var pollInterval: TimeInterval

        public init(name: String? = nil, concurrency: Int = 1, leaseDuration: TimeInterval = 30, pollInterval: TimeInterval = 0.5) {
            self.name = name ?? "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
            self.concurrency = max(1, concurrency)
            self.leaseDuration = max(1, leaseDuration)
            self.pollInterval = max(0.05, pollInterval)
        }
    }

    private struct State {
        var active = 0
        var stopping = false
        var completed = 0
    }

    private let runs: DistributedRuns
    private let settings: Settings
    private let miningConcurrency: Int?
    private let log: @Sendable (String) -> Void
    private let state = Mutex(State())

    /// A worker on the stores of `runs`; `log` receives one progress line per event (the CLI prints
    /// them on standard error).
    public init(runs: DistributedRuns, settings: Settings, miningConcurrency: Int? = nil, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.runs = runs
        self.settings = settings
        self.miningConcurrency = miningConcurrency
        self.log = log
    }

    /// Units completed so far.
    public var completedUnits: Int { state.withLock { $0.completed } }

    public func run() async throws {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(5))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let models = ModelEndpoints(client: client)
        let executor = WorkUnitExecutor(runs: runs, httpClient: client, models: models, miningConcurrency: miningConcurrency)
        log("worker \(settings.name): waiting for work (concurrency \(settings.concurrency), lease \(Int(settings.leaseDuration)) s)")
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                while !state.withLock({ $0.stopping }) {
                    guard state.withLock({ $0.active }) < settings.concurrency else {
                        try? await Task.sleep(for: .milliseconds(50))
                        continue
                    }
                    let lease: WorkLease?
                    do {
                        lease = try await claimNext()
                    } catch {
                        log("worker \(settings.name): cannot claim work: \(error)")
                        try? await Task.sleep(for: .seconds(max(1, settings.pollInterval)))
                        continue
                    }
                    guard let lease else {
                        try? await Task.sleep(for: .seconds(settings.pollInterval))
                        continue
                    }
                    state.withLock { $0.active += 1 }
                    group.addTask {
                        await self.work(on: lease, executor: executor)
                        self.state.withLock { $0.active -= 1 }
                    }
                }
            }
        } onGracefulShutdown: {
            self.state.withLock { $0.stopping = true }
        }
        await models.stopAll()
        try? await client.shutdown()
        log("worker \(settings.name): stopped after \(completedUnits) unit(s)")
    }

    /// The first unit any claimable job offers, claimed.
    private func claimNext() async throws -> WorkLease? {
        for job in try await runs.claimableJobs() {
            if let lease = try await runs.units.claimUnits(
                jobID: job, worker: settings.name, limit: 1, leaseDuration: settings.leaseDuration, now: Date()).first {
                return lease
            }
        }
        return nil
    }

    /// Runs one unit with a heartbeat beside it, then completes it.
    private func work(on lease: WorkLease, executor: WorkUnitExecutor) async {
        let unit = "\(lease.jobID)#\(lease.sequence)"
        log("worker \(settings.name): claimed \(unit)\(lease.attempt > 1 ? " (attempt \(lease.attempt), taken over)" : "")")
        let started = Date()
        let outcome: Result<String, any Error> = await withTaskGroup(of: Result<String, any Error>?.self) { group in
            group.addTask {
                do {
                    return .success(try await executor.execute(lease))
                } catch {
                    return .failure(error)
                }
            }
            group.addTask { await self.heartbeat(lease); return nil }
            var outcome: Result<String, any Error> = .failure(CancellationError())
            for await result in group {
                if let result {
                    outcome = result
                    group.cancelAll()
                }
            }
            return outcome
        }
        switch outcome {
        case .success(let result):
            do {
                let completion = try await runs.units.completeUnit(lease, result: result, now: Date())
                state.withLock { $0.completed += 1 }
                let note = result.hasPrefix("{") ? "mining shard scored" : result
                log("worker \(settings.name): \(completion == .completed ? "completed" : completion.rawValue) \(unit) in "
                    + String(format: "%.1f s", Date().timeIntervalSince(started)) + ": \(note)")
            } catch {
                log("worker \(settings.name): cannot complete \(unit): \(error) (it will be taken over after its lease expires)")
            }
        case .failure(let error):
            log("worker \(settings.name): \(unit) failed: \(error) (it will be tried again after its lease expires)")
        }
    }

    /// Renews the lease every third of its duration until cancelled.
    private func heartbeat(_ lease: WorkLease) async {
        var current = lease
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(settings.leaseDuration / 3))
            guard !Task.isCancelled else { return }
            do {
                guard let renewed = try await runs.units.heartbeat(current, leaseDuration: settings.leaseDuration, now: Date()) else {
                    log("worker \(settings.name): lost the lease of \(lease.jobID)#\(lease.sequence) (another worker took it over)")
                    return
                }
                current = renewed
            } catch {
                log("worker \(settings.name): heartbeat of \(lease.jobID)#\(lease.sequence) failed: \(error)")
            }
        }
    }
}
