import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WinnowCore
import WinnowStore
@testable import WinnowServer

/// Datasets, sample listing and review through the API.
@Suite struct DatasetsAndSamplesAPITests {
    /// A classification dataset: two hard to-be-confirmed samples, one labeled, one unlabeled.
    func seeded(_ server: TestServer) async throws -> Dataset {
        let dataset = Dataset(id: "d1", name: "pets", labelingType: .imageClassification)
        func hard(_ coefficient: Double, _ reasons: [Int]) -> HardExampleInfo {
            HardExampleInfo(isHard: true, coefficient: coefficient, reasons: reasons, details: reasons.map {
                HardReasonDetail(reason: $0, score: coefficient, measured: 0.04, reference: "margin ≥ 0.2")
            })
        }
        try await server.seed(dataset, [
            Sample(id: "s1", datasetID: "d1", source: "/in/1.png", state: .toBeConfirmed,
                   labels: [Label(type: .imageClassification, name: "dog", confidence: 0.51, annotatedBy: "winnow/m")], hardExample: hard(0.9, [1])),
            Sample(id: "s2", datasetID: "d1", source: "/in/2.png", state: .toBeConfirmed,
                   labels: [Label(type: .imageClassification, name: "cat", confidence: 0.6, annotatedBy: "winnow/m")], hardExample: hard(0.4, [1, 20])),
            Sample(id: "s3", datasetID: "d1", source: "/in/3.png", state: .labeled, labels: [Label(type: .imageClassification, name: "cat")]),
            Sample(id: "s4", datasetID: "d1", source: "/in/4.png"),
        ])
        return dataset
    }

    @Test func datasetsCreateListShowDeleteAndErrors() async throws {
        let server = try TestServer()
        _ = try await seeded(server)
        try await server.test { client in
            try await client.execute(uri: "/v1/datasets/pets", method: .get) { response throws in
                let statistics = try #require(try JSON.object(response)["statistics"] as? [String: Any])
                #expect(statistics["total"] as? Int == 4)
                #expect(statistics["hard"] as? Int == 2)
                #expect((statistics["by_state"] as? [String: Int]) == ["to_be_confirmed": 2, "labeled": 1, "unlabeled": 1])
                let reasons = try #require(statistics["by_reason"] as? [[String: Any]])
                #expect(reasons.map { $0["id"] as? Int } == [1, 20])
                #expect(reasons.first?["count"] as? Int == 2)
            }
            try await client.execute(uri: "/v1/datasets", method: .post, body: JSON.body(#"{"name": "pets", "labeling_type": "image_classification"}"#)) { response throws in
                try JSON.expectError(response, .conflict, "WINNOW.CONFLICT")
            }
            try await client.execute(uri: "/v1/datasets", method: .post, body: JSON.body(#"{"name": "../x", "labeling_type": "image_classification"}"#)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "name")
            }
            try await client.execute(uri: "/v1/datasets", method: .post, body: JSON.body(#"{"name": "x", "labeling_type": "video"}"#)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "labeling_type")
            }
            try await client.execute(uri: "/v1/datasets", method: .post, body: JSON.body(#"{"name": "x"#)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "body")
            }
            try await client.execute(uri: "/v1/datasets", method: .get) { response throws in
                #expect(try JSON.object(response)["count"] as? Int == 1)
            }
            let manifest = server.path("export/pets.manifest")
            try await client.execute(uri: "/v1/datasets/pets/export", method: .post, body: JSON.body(#"{"path": "\#(manifest)", "state": "labeled"}"#)) { response throws in
                #expect(try JSON.object(response)["samples"] as? Int == 1)
            }
            #expect(FileManager.default.fileExists(atPath: manifest))
            try await client.execute(uri: "/v1/datasets/pets/export", method: .post, body: JSON.body(#"{"path": "relative.manifest"}"#)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "path")
            }
            try await client.execute(uri: "/v1/datasets/pets", method: .delete) { response in #expect(response.status == .noContent) }
            try await client.execute(uri: "/v1/datasets/pets", method: .get) { response in try JSON.expectError(response, .notFound, "WINNOW.NOT_FOUND") }
        }
    }

    @Test func aDatasetReceivingHardExamplesIsDeletedOnlyWithForce() async throws {
        let server = try TestServer()
        try await server.seed(Dataset(id: "h", name: "hard", labelingType: .imageClassification), [])
        var service = BatchService(name: "cam", modelName: "", modelType: .imageClassification, input: .folder("/in"), output: "/out", status: .finished)
        service.hardExamples = HardExampleFilter(modelType: .imageClassification, datasetID: "h", datasetName: "hard")
        try await server.services.createService(service)
        try await server.test { client in
            try await client.execute(uri: "/v1/datasets/hard", method: .delete) { response throws in
                try JSON.expectError(response, .conflict, "WINNOW.CONFLICT")
                #expect((try JSON.object(response)["error_msg"] as? String)?.contains("service cam") == true)
            }
            try await client.execute(uri: "/v1/datasets/hard?force=maybe", method: .delete) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "force")
            }
            try await client.execute(uri: "/v1/datasets/hard?force=true", method: .delete) { response in #expect(response.status == .noContent) }
        }
        #expect(try await server.metadata.dataset(named: "hard") == nil)
        #expect(try await server.services.service(named: "cam")?.hardExamples?.enabled == false)
    }

    @Test func samplesFilterSortAndPage() async throws {
        let server = try TestServer()
        _ = try await seeded(server)
        try await server.test { client in
            func ids(_ query: String) async throws -> [String] {
                try await client.execute(uri: "/v1/datasets/pets/samples?\(query)", method: .get) { response throws in
                    #expect(response.status == .ok, "\(query): \(String(buffer: response.body))")
                    return try JSON.object(response)["samples"].flatMap { $0 as? [[String: Any]] }?.compactMap { $0["id"] as? String } ?? []
                }
            }
            #expect(try await ids("") == ["s1", "s2", "s3", "s4"])
            #expect(try await ids("state=to_be_confirmed&sort=coefficient") == ["s1", "s2"])
            #expect(try await ids("sort=coefficient&order=asc&hard=true") == ["s2", "s1"])
            #expect(try await ids("reason=20") == ["s2"])
            #expect(try await ids("min_coefficient=0.5") == ["s1"])
            #expect(try await ids("label=cat") == ["s2", "s3"])
            #expect(try await ids("hard=false") == ["s3", "s4"])
            #expect(try await ids("limit=2&offset=2") == ["s3", "s4"])
            let next = try await client.execute(uri: "/v1/datasets/pets/samples?limit=2", method: .get) { response throws in
                let object = try JSON.object(response)
                #expect(object["total"] as? Int == 4)
                return object["next_cursor"] as? String
            }
            #expect(next == "s2")
            #expect(try await ids("limit=2&cursor=s2") == ["s3", "s4"])
            let bad: [(String, String)] = [
                ("state=done", "state"), ("reason=31", "reason"), ("limit=0", "limit"), ("min_coefficient=2", "min_coefficient"),
                ("sort=size", "sort"), ("order=up", "order"), ("cursor=s2&sort=coefficient", "cursor"), ("hard=maybe", "hard"),
                ("min_coefficient=0.8&max_coefficient=0.2", "max_coefficient"),
            ]
            for (query, field) in bad {
                try await client.execute(uri: "/v1/datasets/pets/samples?\(query)", method: .get) { response throws in
                    try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: field)
                }
            }
        }
    }

    @Test func showConfirmMarkAndUnmark() async throws {
        let server = try TestServer()
        _ = try await seeded(server)
        try await server.test { client in
            try await client.execute(uri: "/v1/samples/s2", method: .get) { response throws in
                let object = try JSON.object(response)
                let reasons = try #require(object["reasons"] as? [[String: Any]])
                #expect(reasons.map { $0["alias"] as? String } == ["low_confidence", "augment_fliplr"])
                #expect(reasons.first?["measured"] as? Double == 0.04)
                #expect(reasons.first?["reference"] as? String == "margin ≥ 0.2")
                #expect((reasons.first?["suggestion"] as? String)?.isEmpty == false)
            }
            try await client.execute(uri: "/v1/samples/s1/confirm", method: .post, body: JSON.body(#"{"label": "wolf"}"#)) { response throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
            }
            let s1 = try #require(try await server.metadata.sample(id: "s1"))
            #expect(s1.state == .labeled)
            #expect(s1.labels.map(\.name) == ["wolf"])
            #expect(s1.labels.first?.isConfirmed == true)
            // Boxes do not fit a classification sample; two corrections at once are refused.
            try await client.execute(uri: "/v1/samples/s2/confirm", method: .post, body: JSON.body(#"{"label": "a", "keep": [0]}"#)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "body")
            }
            try await client.execute(uri: "/v1/samples/s2/confirm", method: .post, body: JSON.body(#"{"boxes": [{"name": "a", "xmin": 5, "ymin": 1, "xmax": 2, "ymax": 3}]}"#)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "boxes[0]")
            }
            try await client.execute(uri: "/v1/samples/s2/hard", method: .delete) { response throws in
                #expect(try JSON.object(response)["sample"].flatMap { $0 as? [String: Any] }?["hard"] as? Bool == false)
            }
            #expect(try await server.metadata.sample(id: "s2")?.hardExample?.reasons == [1, 20])
            try await client.execute(uri: "/v1/samples/s2/hard", method: .put) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/v1/datasets/pets/samples/confirm", method: .post, body: JSON.body(#"{"ids": ["s2", "s4"]}"#)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER")
            }
            #expect(try await server.metadata.sample(id: "s2")?.state == .toBeConfirmed)
            try await client.execute(uri: "/v1/datasets/pets/samples/confirm", method: .post, body: JSON.body(#"{"ids": ["s2"]}"#)) { response throws in
                #expect(try JSON.object(response)["updated"] as? Int == 1)
            }
            #expect(try await server.metadata.sample(id: "s2")?.state == .labeled)
            try await client.execute(uri: "/v1/samples/nope", method: .get) { response in try JSON.expectError(response, .notFound, "WINNOW.NOT_FOUND") }
        }
    }

    @Test func detectionConfirmKeepsTheChosenBoxes() async throws {
        let server = try TestServer()
        try await server.seed(Dataset(id: "d2", name: "faces", labelingType: .objectDetection), [
            Sample(id: "f1", datasetID: "d2", source: "/in/f.png", state: .toBeConfirmed, labels: [
                Label(type: .objectDetection, name: "face", shape: .bndbox(xmin: 1, ymin: 1, xmax: 5, ymax: 5), confidence: 0.4, annotatedBy: "winnow/m"),
                Label(type: .objectDetection, name: "face", shape: .bndbox(xmin: 6, ymin: 6, xmax: 9, ymax: 9), confidence: 0.2, annotatedBy: "winnow/m"),
            ], hardExample: HardExampleInfo(isHard: true, coefficient: 0.7, reasons: [1])),
        ])
        try await server.test { client in
            try await client.execute(uri: "/v1/samples/f1/confirm", method: .post, body: JSON.body(#"{"label": "face"}"#)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER")
            }
            try await client.execute(uri: "/v1/samples/f1/confirm", method: .post, body: JSON.body(#"{"keep": [1]}"#)) { response throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
            }
            let sample = try #require(try await server.metadata.sample(id: "f1"))
            #expect(sample.labels.count == 1)
            #expect(sample.labels.first?.shape == .bndbox(xmin: 6, ymin: 6, xmax: 9, ymax: 9))
            #expect(sample.state == .labeled)
        }
    }
}
