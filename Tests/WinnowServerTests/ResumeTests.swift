import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WinnowCore
import WinnowStore
@testable import WinnowServer

/// On start, the server takes over what a dead process left unfinished.
@Suite struct ResumeTests {
    @Test func servicesLeftRunningAndUnfinishedTasksAreResumedOnStart() async throws {
        let server = try TestServer()
        for name in ["a", "b"] { try server.write("in/\(name).png", TestServer.png(name)) }
        // A service whose process died (its pid does not exist), running a model that is gone.
        var orphan = BatchService(name: "orphan", modelName: "gone", modelType: .imageClassification, input: .folder(server.path("in")),
                                  output: server.path("out"), status: .running)
        orphan.runner = "\(ProcessInfo.processInfo.hostName):2147480000"
        orphan.heartbeatAt = Date(timeIntervalSinceNow: -600)
        try await server.services.createService(orphan)
        try await server.services.appendItems([ServiceItem(sequence: 0, source: server.path("in/a.png")), ServiceItem(sequence: 1, source: server.path("in/b.png"))],
                                              serviceID: orphan.id)
        // A sync task that was running when its process died.
        let dataset = try await server.metadata.createDataset(Dataset(name: "pool", labelingType: .imageClassification))
        let task = CollectionTask(kind: .sync, serviceID: orphan.id, serviceName: orphan.name, datasetID: dataset.id, datasetName: dataset.name,
                                  status: .running, startedAt: Date(timeIntervalSinceNow: -600))
        try await server.tasks.createTask(task)
        let serviceID = orphan.id

        try await server.test { _ in
            let resumed = try await eventually(seconds: 30) {
                let service = await server.services.service(id: serviceID)
                let current = await server.tasks.task(id: task.id)
                return service?.status == .failed && current?.status == .completed
            }
            #expect(resumed)
            // The service was taken over and run: it failed for want of its model, and says so.
            #expect(await server.services.service(id: serviceID)?.error?.contains("gone") == true)
            #expect(await server.metadata.countSamples(SampleQuery(datasetID: dataset.id)) == 2)
        }
    }
}
