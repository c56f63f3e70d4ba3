import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WinnowCore
import WinnowStore
@testable import WinnowServer

/// A real batch service run in the background of the server: the instant model (Python standard
/// library) answers, and filtering runs when the service finishes.
@Suite struct EndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var hasPython: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/python3")
        }
    }

    @Test(.enabled(if: hasPython, "python3 is needed for the instant model"), .timeLimit(.minutes(4)))
    func deployWithFilteringRunsTheServiceThenTheFilteringTask() async throws {
        let server = try TestServer()
        for index in 0..<12 { try server.write("in/img\(index).png", TestServer.png("image \(index)")) }
        let model = Self.repository.appendingPathComponent("examples/models/instant")
        let spec = try String(contentsOf: model.appendingPathComponent("spec.json"), encoding: .utf8)
        try await server.test { client in
            try await client.execute(uri: "/v1/models?directory=\(model.path)", method: .post, body: JSON.body(spec)) { response throws in
                #expect(response.status == .created, "\(String(buffer: response.body))")
            }
            let deploy = #"""
                {"name": "e2e", "model": "instant-classifier", "input": "\#(server.path("in"))", "output": "\#(server.path("out"))",
                 "hard_examples": {"new_dataset": "e2e-hard"}}
                """#
            try await client.execute(uri: "/v1/services", method: .post, body: JSON.body(deploy)) { response throws in
                #expect(response.status == .created, "\(String(buffer: response.body))")
            }
            let finished = try await eventually(seconds: 120) {
                try await client.execute(uri: "/v1/services/e2e", method: .get) { response throws in
                    let status = try JSON.object(response)["status"] as? String
                    #expect(status != "failed", "\(String(buffer: response.body))")
                    return status == "finished"
                }
            }
            #expect(finished)
            let task = try await eventually(seconds: 60) {
                try await client.execute(uri: "/v1/services/e2e/collection/tasks", method: .get) { response throws in
                    let items = try JSON.object(response)["items"] as? [[String: Any]] ?? []
                    return items.first?["status_text"] as? String == "Dataset import complete"
                }
            }
            #expect(task)
            try await client.execute(uri: "/v1/services/e2e", method: .get) { response throws in
                let progress = try JSON.object(response)["progress"] as? [String: Any]
                #expect(progress?["succeeded"] as? Int == 12)
            }
            // Filtering ran with this run: no restart hint; the task links to the dataset.
            try await client.execute(uri: "/services/e2e?tab=collection", method: .get) { response throws in
                let page = String(buffer: response.body)
                #expect(!page.contains("restart-hint"))
                #expect(page.contains("href=\"/datasets/e2e-hard?tab=to_be_confirmed\""))
            }
            let dataset = try #require(try await server.metadata.dataset(named: "e2e-hard"))
            let tasks = await server.tasks.listTasks(serviceID: nil)
            #expect(try await server.metadata.countSamples(SampleQuery(datasetID: dataset.id, state: .toBeConfirmed)) == tasks.first?.hard)
            // The finished service restarts from the API, and deletes only when not running.
            try await client.execute(uri: "/v1/services/e2e/restart", method: .post) { response in #expect(response.status == .accepted) }
            try await client.execute(uri: "/v1/services/e2e/restart", method: .post) { response throws in
                try JSON.expectError(response, .conflict, "WINNOW.CONFLICT")
            }
            _ = try await eventually(seconds: 120) {
                try await client.execute(uri: "/v1/services/e2e", method: .get) { try JSON.object($0)["status"] as? String == "finished" }
            }
        }
    }
}
