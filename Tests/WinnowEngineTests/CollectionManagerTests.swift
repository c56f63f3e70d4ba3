import Foundation
import Testing
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowStore

/// Data collection on a finished batch service whose results are files in a temporary folder.
@Suite struct CollectionManagerTests {
    let directory: URL
    let store = MemoryMetadataStore()
    let services = MemoryServiceStore()
    let tasks = MemoryCollectionTaskStore()
    var manager: CollectionManager { CollectionManager(store: store, services: services, tasks: tasks, reader: StandardResourceReader()) }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-collect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A finished classification service with three answers: confident, unsure, and an unreadable one.
    func finishedService(items: Bool = true) async throws -> BatchService {
        let output = directory.appendingPathComponent("out").path
        _ = try write("out/r/a.png_result.txt", #"{"predicted_label": "cat", "scores": [["cat", "0.98"], ["dog", "0.01"]]}"#)
        _ = try write("out/r/b.png_result.txt", #"{"predicted_label": "dog", "scores": [["dog", "0.51"], ["cat", "0.47"]]}"#)
        _ = try write("out/r/c.png_result.txt", "not json")
        var service = BatchService(name: "svc", modelName: "", modelType: .imageClassification, input: .folder("/in"), output: output, status: .finished)
        try await services.createService(service)
        if items {
            try await services.appendItems([
                ServiceItem(sequence: 0, source: "/in/a.png", outcome: .succeeded(resultPath: "r/a.png_result.txt")),
                ServiceItem(sequence: 1, source: "/in/b.png", outcome: .succeeded(resultPath: "r/b.png_result.txt")),
                ServiceItem(sequence: 2, source: "/in/c.png", outcome: .succeeded(resultPath: "r/c.png_result.txt")),
                ServiceItem(sequence: 3, source: "/in/d.png", outcome: .failed(message: "cannot identify image file")),
            ], serviceID: service.id)
        }
        service.progress.total = items ? 4 : 0
        try await services.updateService(service)
        return service
    }

    @Test func syncPutsEveryInputInOnceAndRefusesAnEmptyService() async throws {
        _ = try await finishedService()
        let first = try await manager.sync(serviceName: "svc", labelingType: .imageClassification, target: .new("all"))
        #expect(first.status == .completed)
        #expect(first.status.displayName == "Dataset import complete")
        #expect(first.scanned == 4 && first.imported == 4)
        let second = try await manager.sync(serviceName: "svc", labelingType: .imageClassification, target: .existing("all"))
        #expect(second.imported == 0)
        let dataset = try #require(try await store.dataset(named: "all"))
        #expect(try await store.statistics(datasetID: dataset.id).byState[.unlabeled] == 4)

        var empty = BatchService(name: "empty", modelName: "", modelType: .imageClassification, input: .folder("/none"), output: "/o", status: .finished)
        empty.progress.total = 0
        try await services.createService(empty)
        let error = await #expect(throws: EngineError.self) {
            _ = try await manager.sync(serviceName: "empty", labelingType: .imageClassification, target: .existing("all"))
        }
        #expect(error?.message.contains("has no input data") == true)
    }

    @Test func filteringLandsOnlyHardExamplesWithTheirPredictionAndReasons() async throws {
        let service = try await finishedService()
        let (configured, restartNeeded) = try await manager.enableFilter(serviceName: "svc", modelType: .imageClassification, trainingManifest: nil, target: .new("hard"))
        #expect(restartNeeded)
        let task = try #require(try await manager.filterAfterFinish(configured))
        #expect(task.status == .completed)
        #expect(task.scanned == 4)
        #expect(task.hard == 1)
        #expect(task.failureReason?.contains("c.png") == true)
        let dataset = try #require(try await store.dataset(id: task.datasetID))
        let samples = try await store.listSamples(SampleQuery(datasetID: dataset.id))
        #expect(samples.map(\.source) == ["/in/b.png"])
        let sample = try #require(samples.first)
        #expect(sample.state == .toBeConfirmed)
        #expect(sample.labels.map(\.name) == ["dog"])
        #expect(sample.labels.first?.confidence == 0.51)
        #expect(sample.labels.first?.annotatedBy == "batch-service/\(service.name)")
        #expect(sample.hardExample?.reasons == [1])
        let detail = try #require(sample.hardExample?.details.first)
        #expect(abs((detail.measured ?? 0) - 0.04) < 1e-9)
        #expect(detail.suggestion == HardReason.catalogue[1].suggestion)
        // The task keeps what mining found, as stored, for its report.
        let stored = try #require(try await manager.tasks.task(id: task.id))
        let summary = try #require(stored.mining)
        #expect(summary.entries == 4)
        #expect(summary.selected == 1)
        #expect(summary.hardByReason[1] == 1)
        #expect(summary.coefficientCounts.reduce(0, +) == summary.scored)
        #expect(summary.trainingManifest == nil)
    }

    @Test func theOutputDatasetMustHaveTheModelsType() async throws {
        _ = try await finishedService()
        _ = try await store.createDataset(Dataset(name: "boxes", labelingType: .objectDetection))
        let error = await #expect(throws: EngineError.self) {
            _ = try await manager.enableFilter(serviceName: "svc", modelType: .imageClassification, trainingManifest: nil, target: .existing("boxes"))
        }
        #expect(error?.message.contains("object_detection") == true)
        #expect(error?.message.contains("image_classification") == true)
    }

    @Test func aDatasetReceivingHardExamplesIsDeletedOnlyWithForceWhichSwitchesTheFilteringOff() async throws {
        _ = try await finishedService()
        _ = try await manager.enableFilter(serviceName: "svc", modelType: .imageClassification, trainingManifest: nil, target: .new("hard"))
        let other = try await store.createDataset(Dataset(name: "other", labelingType: .imageClassification))
        let hard = try #require(try await store.dataset(named: "hard"))
        let refused = await #expect(throws: EngineError.self) { try await manager.deleteDataset(hard, force: false) }
        #expect(refused?.code == .conflict)
        #expect(refused?.message.contains("service svc") == true, "\(refused?.message ?? "")")
        #expect(try await store.dataset(named: "hard") != nil, "nothing was deleted")
        // A dataset nothing writes into goes without force.
        #expect(try await manager.deleteDataset(other, force: false) == [])
        #expect(try await store.dataset(named: "other") == nil)

        #expect(try await manager.deleteDataset(hard, force: true) == ["svc"])
        #expect(try await store.dataset(named: "hard") == nil)
        #expect(try await services.service(named: "svc")?.hardExamples?.enabled == false)
    }

    @Test func badTrainingManifestsAreRefusedClearly() async throws {
        _ = try await finishedService()
        let empty = try write("empty.manifest", "")
        let detection = try write("det.manifest", #"{"source":"x.jpg","annotation":[{"type":"modelarts/object_detection","annotation-loc":"x.xml"}]}"#)
        let broken = try write("broken.manifest", "{\"source\":\"a.png\"}\n{oops\n")
        let cases: [(String, String)] = [
            (directory.appendingPathComponent("missing.manifest").path, "does not exist"),
            (empty, "is empty"), (detection, "has no image_classification annotations"), (broken, "invalid line"),
        ]
        for (path, message) in cases {
            let error = await #expect(throws: EngineError.self) {
                _ = try await manager.enableFilter(serviceName: "svc", modelType: .imageClassification, trainingManifest: path, target: .new("h"))
            }
            #expect(error?.description.contains(message) == true, "\(path): \(error?.description ?? "no error")")
        }
        #expect(try await store.dataset(named: "h") == nil)
    }

    @Test func aTaskInterruptedWhileImportingCompletesOnResumeWithoutDuplicates() async throws {
        let service = try await finishedService()
        _ = try await manager.enableFilter(serviceName: "svc", modelType: .imageClassification, trainingManifest: nil, target: .new("hard"))
        let dataset = try #require(try await store.dataset(named: "hard"))
        // A process staged the hard example and was killed while importing.
        let importID = try await store.beginImport(datasetID: dataset.id)
        try await store.stageSamples([Sample(datasetID: dataset.id, source: "/in/b.png", state: .toBeConfirmed)], importID: importID)
        let interrupted = CollectionTask(kind: .filter, serviceID: service.id, serviceName: service.name, datasetID: dataset.id,
                                         datasetName: dataset.name, status: .importing, importID: importID)
        try await tasks.createTask(interrupted)
        #expect(try await store.countSamples(SampleQuery(datasetID: dataset.id)) == 0)

        let resumed = try await manager.resumeUnfinished()
        #expect(resumed.map(\.status) == [.completed])
        #expect(try await store.countSamples(SampleQuery(datasetID: dataset.id)) == 1)
        #expect(try await store.pendingImports().isEmpty)
        // A completed task is not run again; a new filtering run adds nothing twice.
        await #expect(throws: EngineError.self) { _ = try await manager.retry(taskID: interrupted.id) }
        let current = try #require(try await services.service(id: service.id))
        let again = try #require(try await manager.filterAfterFinish(current))
        #expect(again.status == .completed)
        #expect(try await store.countSamples(SampleQuery(datasetID: dataset.id)) == 1)
    }

    @Test func illegalTaskTransitionsSayFromWhatToWhat() throws {
        var task = CollectionTask(kind: .sync, serviceID: "s", serviceName: "s", datasetID: "d", datasetName: "d", status: .completed)
        #expect(throws: StatusTransitionError(subject: "task \(task.id)", from: "completed", to: "running")) {
            try task.transition(to: .running)
        }
        #expect(StatusTransitionError(subject: "task x", from: "completed", to: "running").description == "task x cannot change from completed to running")
    }
}
