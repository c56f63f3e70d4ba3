import ArgumentParser
import Foundation
import WinnowCore
import WinnowEngine
import WinnowStore

/// `--workers` for `service deploy`, `start` and `restart`: enqueue the run for `winnow worker` processes
/// instead of running it here.
struct WorkerHandOffOptions: ParsableArguments {
    @Flag(name: .customLong("workers"), help: "Hand the run to winnow worker processes (sharing this database) instead of running it here.")
    var workers = false

    @Option(name: .customLong("unit-size"), help: "With --workers: inputs per inference work unit.")
    var unitSize = 100

    @Option(name: .customLong("mining-shards"), help: "With --workers: mining shards of the filtering task.")
    var miningShards = 8

    @Flag(name: .customLong("wait"), help: "With --workers: wait until the run (and its filtering) ends, printing progress.")
    var wait = false

    func validate() throws {
        guard unitSize >= 1 else { throw ValidationError("--unit-size must be at least 1, got \(unitSize)") }
        guard (1...1024).contains(miningShards) else { throw ValidationError("--mining-shards must be from 1 to 1024, got \(miningShards)") }
        if !workers, wait { throw ValidationError("--wait goes with --workers") }
    }

    /// Enqueues the run; with `--wait`, follows it to its end and returns the service as it ended.
    func handOff(_ service: BatchService, in environment: WinnowEnvironment, quiet: Bool) async throws -> BatchService? {
        let runs = environment.distributed(unitSize: unitSize, miningShards: miningShards)
        let (started, units) = try await runs.start(serviceID: service.id)
        Console.out("queued: service \(started.name) in \(units) work unit(s) of up to \(unitSize) inputs; winnow worker processes run them")
        guard wait else { return nil }
        let meter = ProgressMeter(quiet: quiet, started: Date())
        var current = started
        while current.status == .running {
            try await Task.sleep(for: .milliseconds(500))
            current = try await environment.services.service(id: service.id) ?? current
            meter.show(current)
        }
        meter.finish(current)
        if current.status == .finished, current.hardExamples?.enabled == true {
            // The filtering task is created by the worker that finishes the run.
            while true {
                let tasks = try await environment.tasks.listTasks(serviceID: service.id)
                if let task = tasks.first(where: { $0.id == DistributedRuns.filterTaskID(runID: current.runID) }),
                   task.status == .completed || task.status == .failed {
                    CollectTaskView.report(task)
                    break
                }
                try await Task.sleep(for: .milliseconds(500))
            }
        }
        return current
    }
}
