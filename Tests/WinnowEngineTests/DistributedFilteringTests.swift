import AsyncHTTPClient
import Foundation
import Testing
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowStore

/// A filtering task run as work units (mining shards, then the finishing unit) on memory stores:
/// the same hard examples as the task run in one go, each unit completed once, nothing claimable after.
@Suite struct DistributedFilteringTests {
    let directory: URL
    let store = MemoryMetadataStore()
    let services = MemoryServiceStore()
    let tasks = MemoryCollectionTaskStore()
    let units = MemoryWorkUnitStore()
    var manager: CollectionManager { CollectionManager(store: store, services: services, tasks: tasks, reader: StandardResourceReader()) }
    var runs: DistributedRuns {
        DistributedRuns(store: store, services: services, tasks: tasks, units: units, reader: StandardResourceReader(), miningShards: 3)
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-distributed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// A finished classification service named `name` with `count` answers of varying confidence.
    func finishedService(_ name: String, count: Int) async throws -> BatchService {
        let output = directory.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: output + "/r", withIntermediateDirectories: true)
        var items: [ServiceItem] = []
        for index in 0..<count {
            let top = 0.4 + Double((index * 37) % 60) / 100
            let answer = #"{"predicted_label": "cat", "scores": [["cat", "\#(top)"], ["dog", "\#(1 - top)"]]}"#
            try Data(answer.utf8).write(to: URL(fileURLWithPath: output + "/r/\(index).png_result.txt"))
            items.append(ServiceItem(sequence: index, source: "/in/\(index).png", outcome: index == 5
                ? .failed(message: "cannot identify image file") : .succeeded(resultPath: "r/\(index).png_result.txt")))
        }
        var service = BatchService(name: name, modelName: "", modelType: .imageClassification, input: .folder("/in"), output: output, status: .finished)
        try await services.createService(service)
        try await services.appendItems(items, serviceID: service.id)
        service.progress.total = count
        try await services.updateService(service)
        return try await manager.enableFilter(serviceName: name, modelType: .imageClassification, trainingManifest: nil, target: .new("hard-\(name)")).service
    }

    func hardExamples(_ datasetName: String) async throws -> [String] {
        let dataset = try #require(try await store.dataset(named: datasetName))
        return try await store.listSamples(SampleQuery(datasetID: dataset.id)).map { sample in
            "\(sample.source) \(sample.labels.map(\.name)) \(sample.hardExample?.reasons ?? []) \(sample.hardExample?.coefficient ?? -1)"
        }.sorted()
    }

    @Test func miningShardsThenTheFinishingUnitEqualOneRun() async throws {
        let whole = try await finishedService("whole", count: 40)
        let single = try #require(try await manager.filterAfterFinish(whole))
        #expect(single.status == .completed)

        let split = try await finishedService("split", count: 40)
        let task = CollectionTask(kind: .filter, serviceID: split.id, serviceName: split.name, datasetID: split.hardExamples!.datasetID,
                                  datasetName: split.hardExamples!.datasetName)
        try await tasks.createTask(task)
        let started = try await runs.startFiltering(task)
        #expect(started.status == .running)
        // Enqueuing again (a coordinator retrying) adds nothing.
        try await runs.startFiltering(started)
        #expect(try await units.workUnits(jobID: DistributedJobID.mining(taskID: task.id)).count == 3)

        let executor = WorkUnitExecutor(runs: runs, httpClient: HTTPClient.shared, models: ModelEndpoints(client: HTTPClient.shared), miningConcurrency: 1)
        // The finishing unit is not offered while shards are pending.
        #expect(try await runs.claimableJobs() == [DistributedJobID.mining(taskID: task.id)])
        var done = 0
        while let job = try await runs.claimableJobs().first {
            var claimed = false
            for job in try await runs.claimableJobs() {
                guard let lease = try await units.claimUnits(jobID: job, worker: "t", limit: 1, leaseDuration: 30, now: Date()).first else { continue }
                let result = try await executor.execute(lease)
                #expect(try await units.completeUnit(lease, result: result, now: Date()) == .completed)
                done += 1
                claimed = true
                break
            }
            if !claimed { Issue.record("job \(job) offered but nothing to claim"); break }
        }
        #expect(done == 4, "3 mining shards and the finishing unit")
        let finished = try #require(try await tasks.task(id: task.id))
        #expect(finished.status == .completed, "\(finished.failureReason ?? "")")
        #expect(finished.scanned == single.scanned && finished.hard == single.hard && finished.imported == single.imported)
        #expect(single.hard > 0)
        #expect(try await hardExamples("hard-split") == hardExamples("hard-whole"))
    }

    @Test func payloadsAndShardResultsSurviveTheirStoredForm() throws {
        let payloads: [WorkPayload] = [
            .inference(serviceID: "s", runID: "r", from: 0, to: 100), .finishService(serviceID: "s", runID: "r", miningShards: 8),
            .miningShard(taskID: "t", index: 2, count: 8), .finishFiltering(taskID: "t", shards: 8),
        ]
        for payload in payloads { #expect(try WorkPayload(decoding: payload.encoded(), unit: "u") == payload) }
        let error = #expect(throws: EngineError.self) { try WorkPayload(decoding: #"{"reboot":{}}"#, unit: "job#3") }
        #expect(error?.message.contains("job#3") == true)
    }

    @Test func aRunOnWorkersIsActiveWhateverItsHeartbeat() async throws {
        var service = BatchService(name: "w", modelName: "m", modelType: .imageClassification, input: .folder("/in"), output: "/out", status: .running)
        service.runner = DistributedRuns.runnerMarker
        service.heartbeatAt = Date(timeIntervalSinceNow: -3600)
        let manager = BatchServiceManager(services: services, reader: StandardResourceReader())
        #expect(manager.isActive(service))
        service.runner = "elsewhere:1"
        #expect(!manager.isActive(service))
    }
}
