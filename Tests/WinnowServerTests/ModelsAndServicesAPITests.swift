import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WinnowCore
import WinnowStore
@testable import WinnowServer

/// Models, services and data collection through the API, on in-memory stores.
@Suite struct ModelsAndServicesAPITests {
    @Test func modelsRegisterListShowDelete() async throws {
        let server = try TestServer()
        try await server.test { client in
            let spec = #"{"name": "m1", "type": "image_classification", "url": "http://127.0.0.1:9/"}"#
            try await client.execute(uri: "/v1/models", method: .post, headers: JSON.headers, body: JSON.body(spec)) { response throws in
                #expect(response.status == .created)
                let object = try JSON.object(response)
                #expect(object["name"] as? String == "m1")
                #expect(object["request_path"] as? String == "/")
                #expect(object["max_concurrent_requests"] as? Int == 4)
            }
            try await client.execute(uri: "/v1/models", method: .post, headers: JSON.headers, body: JSON.body(spec)) { response throws in
                try JSON.expectError(response, .conflict, "WINNOW.CONFLICT")
            }
            try await client.execute(uri: "/v1/models", method: .get) { response throws in
                #expect(try JSON.object(response)["count"] as? Int == 1)
            }
            try await client.execute(uri: "/v1/models/m1", method: .get) { response throws in
                #expect(try JSON.object(response)["url"] as? String == "http://127.0.0.1:9/")
            }
            // A misspelt key names itself; a command needs the folder it runs in.
            try await client.execute(uri: "/v1/models", method: .post, body: JSON.body(#"{"name": "x", "typ": "image_classification"}"#)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "typ")
            }
            try await client.execute(uri: "/v1/models", method: .post, body: JSON.body(#"{"name": "x", "type": "image_classification", "command": "python3 s.py"}"#)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "directory")
            }
            try await client.execute(uri: "/v1/models/m1", method: .delete) { response in #expect(response.status == .noContent) }
            try await client.execute(uri: "/v1/models/m1", method: .get) { response in try JSON.expectError(response, .notFound, "WINNOW.NOT_FOUND") }
        }
    }

    @Test func importOutputThenSyncRunsInTheBackgroundToDatasetImportComplete() async throws {
        let server = try TestServer()
        let (input, output) = try server.importedService()
        try await server.test { client in
            let body = #"{"name": "svc", "type": "image_classification", "input": "\#(input)", "output": "\#(output)"}"#
            try await client.execute(uri: "/v1/services/import-output", method: .post, body: JSON.body(body)) { response throws in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                let object = try JSON.object(response)
                #expect(object["status"] as? String == "finished")
                #expect((object["progress"] as? [String: Any])?["total"] as? Int == 3)
                #expect((object["progress"] as? [String: Any])?["percent"] as? Double == 100)
            }
            let taskID = try await client.execute(
                uri: "/v1/services/svc/collection/sync", method: .post, body: JSON.body(#"{"labeling_type": "image_classification", "new_dataset": "pool"}"#)
            ) { response throws in
                #expect(response.status == .accepted)
                return try #require(try JSON.object(response)["id"] as? String)
            }
            let completed = try await eventually {
                try await client.execute(uri: "/v1/tasks/\(taskID)", method: .get) { response throws in
                    try JSON.object(response)["status_text"] as? String == "Dataset import complete"
                }
            }
            #expect(completed)
            try await client.execute(uri: "/v1/services/svc/collection/tasks", method: .get) { response throws in
                let items = try #require(try JSON.object(response)["items"] as? [[String: Any]])
                #expect(items.count == 1)
                #expect(items.first?["imported"] as? Int == 3)
            }
            try await client.execute(uri: "/v1/datasets/pool", method: .get) { response throws in
                let statistics = try #require(try JSON.object(response)["statistics"] as? [String: Any])
                #expect((statistics["by_state"] as? [String: Int])?["unlabeled"] == 3)
            }
            // A completed task cannot be retried; a sync into a dataset of another type is a conflict.
            try await client.execute(uri: "/v1/tasks/\(taskID)/retry", method: .post) { response throws in
                try JSON.expectError(response, .conflict, "WINNOW.CONFLICT")
            }
            try await client.execute(uri: "/v1/datasets", method: .post, body: JSON.body(#"{"name": "boxes", "labeling_type": "object_detection"}"#)) { response throws in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/v1/services/svc/collection/filter", method: .put, body: JSON.body(#"{"dataset": "boxes"}"#)) { response throws in
                try JSON.expectError(response, .conflict, "WINNOW.CONFLICT")
            }
            // Filtering on a finished service: the answer says it must be restarted.
            try await client.execute(uri: "/v1/services/svc/collection/filter", method: .put, body: JSON.body(#"{"new_dataset": "hard"}"#)) { response throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let object = try JSON.object(response)
                #expect(object["restart_needed"] as? Bool == true)
                #expect((object["hint"] as? String)?.contains("restart") == true)
                #expect(((object["service"] as? [String: Any])?["hard_examples"] as? [String: Any])?["dataset_name"] as? String == "hard")
            }
            try await client.execute(uri: "/v1/services/svc/collection/filter", method: .delete) { response throws in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/services/svc/collection/filter", method: .delete) { response throws in
                try JSON.expectError(response, .conflict, "WINNOW.CONFLICT")
            }
            // An imported service has no model to run.
            try await client.execute(uri: "/v1/services/svc/start", method: .post) { response throws in
                try JSON.expectError(response, .conflict, "WINNOW.CONFLICT")
            }
            try await client.execute(uri: "/v1/services/svc", method: .delete) { response in #expect(response.status == .noContent) }
            try await client.execute(uri: "/v1/services/svc", method: .get) { response in try JSON.expectError(response, .notFound, "WINNOW.NOT_FOUND") }
        }
    }

    @Test func deployRefusesBadInputNamingTheField() async throws {
        let server = try TestServer()
        try await server.test { client in
            let cases: [(String, String)] = [
                (#"{"name": "s", "model": "m", "input": "/x", "output": "/y", "instances": 0}"#, "instances"),
                (#"{"name": "s", "model": "m", "input": "/x"}"#, "output"),
                (#"{"name": "s", "model": "m", "input": "/x", "output": "/y", "instances": "four"}"#, "instances"),
                (#"{"name": "s", "model": "m", "input": "/x", "output": "/y", "hard_examples": {}}"#, "hard_examples.dataset"),
                (#"{"name": "s", "model": "m", "input": "/x", "output": "/y", "colour": "red"}"#, "colour"),
            ]
            for (body, field) in cases {
                try await client.execute(uri: "/v1/services", method: .post, body: JSON.body(body)) { response throws in
                    try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: field)
                }
            }
            try await client.execute(uri: "/v1/services", method: .post, body: JSON.body(#"{"name": "s", "model": "nope", "input": "/x", "output": "/y"}"#)) { response throws in
                try JSON.expectError(response, .notFound, "WINNOW.NOT_FOUND")
            }
        }
    }
}
