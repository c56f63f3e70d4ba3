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

    func filter(_ task: inout CollectionTask) async throws {
        guard let service = try await manager.services.service(id: task.serviceID) else {
            throw EngineError(.notFound, "service \(task.serviceName) no longer exists")
        }
        guard let filter = service.hardExamples else {
            throw EngineError(.conflict, "hard-example filtering is not configured for service \(service.name)")
        }
        guard service.status == .finished else {
            throw EngineError(.conflict, "service \(service.name) is \(service.status.rawValue); filtering runs on a finished service")
        }
        var training: TrainingSet?
        if let manifest = filter.trainingManifest {
            training = try await TrainingSetReader(reader: manager.reader).read(manifest, type: filter.modelType)
        }
        var candidates: [MiningCandidate] = []
        var unreadable: [String] = []
        var after = -1
        while true {
            let page = try await manager.services.items(serviceID: service.id, after: after, limit: 2000, pendingOnly: false)
            guard let last = page.last else { break }
            after = last.sequence
            for item in page {
                task.scanned += 1
                guard case .succeeded(let resultPath)? = item.outcome else { continue }
                let path = resultPath.hasPrefix("/") ? resultPath : service.output + "/" + resultPath
                do {
                    let bytes = try await manager.reader.bytes(of: .file(ResourceLocation.normalise(path)), maximumSize: 64 << 20)
                    let prediction = try PredictionCodec.decode(bytes, type: filter.modelType, file: path)
                    candidates.append(MiningCandidate(source: item.source, prediction: prediction, sequence: item.sequence))
                } catch {
                    unreadable.append("\(item.source): \(error)")
                }
            }
        }
        let verdicts = try await manager.miner.mine(candidates, type: filter.modelType, training: training)
        let model = service.modelName.isEmpty ? "batch-service/\(service.name)" : "winnow/\(service.modelName)"
        var hardSamples: [Sample] = []
        for (candidate, verdict) in zip(candidates, verdicts) where verdict.isHard {
            hardSamples.append(Sample(
                datasetID: task.datasetID, source: candidate.source, state: .toBeConfirmed,
                labels: Self.preAnnotation(candidate.prediction, model: model), usage: .inference, hardExample: verdict,
                inferenceLocation: nil))
        }
        task.hard = hardSamples.count
        let importID = try await begin(&task)
        for start in stride(from: 0, to: hardSamples.count, by: 2000) {
            try await manager.store.stageSamples(Array(hardSamples[start..<min(hardSamples.count, start + 2000)]), importID: importID)
        }
        try await importing(&task)
        let outcome = try await manager.store.commitImport(importID, policy: .replaceUnlabeled)
        task.importID = nil
        task.imported = outcome.inserted + outcome.replaced
        if !unreadable.isEmpty {
            task.failureReason = "\(unreadable.count) result file(s) could not be read and were left out, e.g. \(unreadable[0])"
        }
    }

    /// The model's prediction as labels awaiting confirmation.
    static func preAnnotation(_ prediction: Prediction, model: String) -> [Label] {
        switch prediction.content {
        case .classification(let c):
            let confidence = c.scores.first { $0.label == c.predictedLabel }?.score
            return [Label(type: .imageClassification, name: c.predictedLabel, confidence: confidence, annotatedBy: model)]
        case .detection(let d):
            return d.objects.map { Label(type: .objectDetection, name: $0.label, shape: $0.shape, confidence: $0.score, annotatedBy: model) }
        }
    }
}
