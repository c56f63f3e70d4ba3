import Foundation
import WinnowCore
import WinnowObjects
import WinnowStore

/// The work of one collection task: staging samples invisibly, then making them visible at once.
struct TaskExecution {
    let manager: CollectionManager

    /// Moves the task to `importing`, recording its store import.
    private func importing(_ task: inout CollectionTask) async throws {
        let before = task.status
        try task.transition(to: .importing)
        guard try await manager.tasks.updateTask(task, ifStatus: before) else { throw EngineError(.conflict, "task \(task.id) changed meanwhile") }
    }

    private func begin(_ task: inout CollectionTask) async throws -> String {
        let importID = try await manager.store.beginImport(datasetID: task.datasetID)
        task.importID = importID
        guard try await manager.tasks.updateTask(task, ifStatus: task.status) else { throw EngineError(.conflict, "task \(task.id) changed meanwhile") }
        return importID
    }

    func sync(_ task: inout CollectionTask) async throws {
        let importID = try await begin(&task)
        var after = -1
        while true {
            let page = try await manager.services.items(serviceID: task.serviceID, after: after, limit: 2000, pendingOnly: false)
            guard let last = page.last else { break }
            after = last.sequence
            try await manager.store.stageSamples(page.map { Sample(datasetID: task.datasetID, source: $0.source) }, importID: importID)
            task.scanned += page.count
        }
        try await importing(&task)
        let outcome = try await manager.store.commitImport(importID, policy: .skipExisting)
        task.importID = nil
        task.imported = outcome.inserted
    }

    /// Mines the service's batch and imports the selection. With `phase1` (the records of every shard,
    /// computed by workers), only phase 2 runs here: the same selection as mining the whole batch.
    func filter(_ task: inout CollectionTask, phase1: PhaseOneRecords? = nil) async throws {
        guard let service = try await manager.services.service(id: task.serviceID) else {
            throw EngineError(.notFound, "service \(task.serviceName) no longer exists")
        }
        guard let filter = service.hardExamples else {
            throw EngineError(.conflict, "hard-example filtering is not configured for service \(service.name)")
        }
        guard service.status == .finished || (phase1 != nil && service.status == .running) else {
            throw EngineError(.conflict, "service \(service.name) is \(service.status.rawValue); filtering runs on a finished service")
        }
        var training: TrainingSet?
        if let manifest = filter.trainingManifest {
            training = try await TrainingSetReader(reader: manager.reader).read(manifest, type: filter.modelType)
        }
        let options = MiningOptions(configuration: filter.configuration ?? MiningConfiguration(), type: filter.modelType, concurrency: manager.miningConcurrency)
        var mining = try HardExampleMining(options: options)
        mining.imageReader = manager.reader
        let source = ServiceItemEntries(services: manager.services, service: service, reader: manager.reader)
        var run: MiningRun
        if let phase1 {
            run = try await mining.run(phase1Records: phase1.shards, source: source, training: training)
            run.problems = phase1.problems.items
            run.problemCount = phase1.problems.count
        } else {
            run = try await mining.run(source, training: training)
        }
        task.scanned = run.entries
        task.hard = run.result.selection.count
        let model = service.modelName.isEmpty ? "batch-service/\(service.name)" : "winnow/\(service.modelName)"
        task.mining = MiningSummary(
            result: run.result, entries: run.entries, failures: run.failures, problems: run.problemCount, notes: run.notes,
            trainingManifest: filter.trainingManifest, model: service.modelName.isEmpty ? nil : service.modelName)
        let importID = try await begin(&task)
        try await mining.forEachSelected(run, in: source, datasetID: task.datasetID, annotatedBy: model, stableIDs: false) { samples in
            try await manager.store.stageSamples(samples, importID: importID)
        }
        try await importing(&task)
        let outcome = try await manager.store.commitImport(importID, policy: .replaceUnlabeled)
        task.importID = nil
        task.imported = outcome.inserted + outcome.replaced
        let unusable = run.problems.filter { $0.contains("unusable answer") }
        let others = run.problems.filter { !$0.contains("unusable answer") }
        var notes: [String] = []
        if !unusable.isEmpty {
            notes.append("\(unusable.count) result file(s) could not be read and were left out, e.g. \(unusable[0])")
        }
        if !others.isEmpty {
            notes.append("\(run.problemCount - unusable.count) other problem(s) did not stop filtering, e.g. \(others[0])")
        }
        if !notes.isEmpty { task.failureReason = notes.joined(separator: "; ") }
    }
}
