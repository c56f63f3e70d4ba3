import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WinnowCore
import WinnowReport
import WinnowStore
@testable import WinnowServer

/// The filter endpoint's mining options (issue 7 gap b) and a filter task's HTML report.
@Suite struct FilterAndReportAPITests {
    @Test func theFilterEndpointTakesTheCLIsMiningOptions() async throws {
        var configured = try TestServer()
        configured.runsEngine = false
        let server = configured
        let (input, output) = try server.importedService()
        try await server.test { client in
            try await client.execute(uri: "/v1/services/import-output", method: .post,
                                     body: JSON.body(#"{"name": "svc", "type": "image_classification", "input": "\#(input)", "output": "\#(output)"}"#)) { _ in }
            let body = #"""
                {"new_dataset": "hard", "reasons": "0,1,5-7", "max": 2, "seed": 7, "diversity": true, "ranking": "coefficient",
                 "configuration": {"selection": {"maximumFraction": 0.5}, "low_confidence": {"imageThreshold": 0.3}}}
                """#
            try await client.execute(uri: "/v1/services/svc/collection/filter", method: .put, body: JSON.body(body)) { response throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let filter = try #require((try JSON.object(response)["service"] as? [String: Any])?["hard_examples"] as? [String: Any])
                let configuration = try #require(filter["configuration"] as? [String: Any])
                #expect(configuration["enabled_reasons"] as? [Int] == [0, 1, 5, 6, 7])
                #expect(configuration["seed"] as? Int == 7)
                let selection = try #require(configuration["selection"] as? [String: Any])
                #expect(selection["maximum_count"] as? Int == 2)
                #expect(selection["maximum_fraction"] as? Double == 0.5)
                #expect(selection["diversity"] as? Bool == true)
                #expect(selection["ranking"] as? String == "coefficient")
                #expect((configuration["low_confidence"] as? [String: Any])?["image_threshold"] as? Double == 0.3)
            }
            let stored = try #require(try await server.services.service(named: "svc")?.hardExamples?.configuration)
            #expect(stored.enabledReasons == [0, 1, 5, 6, 7])
            #expect(stored.selection.maximumCount == 2)
            #expect(stored.selection.ranking == .coefficient && stored.selection.diversity)
            // An array of codes works too.
            try await client.execute(uri: "/v1/services/svc/collection/filter", method: .put, body: JSON.body(#"{"dataset": "hard", "reasons": [30, 1, 1]}"#)) { response throws in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
            }
            #expect(try await server.services.service(named: "svc")?.hardExamples?.configuration?.enabledReasons == [1, 30])
        }
    }

    @Test func badMiningOptionsAre400sNamingTheField() async throws {
        var configured = try TestServer()
        configured.runsEngine = false
        let server = configured
        let (input, output) = try server.importedService()
        let cases: [(String, String)] = [
            (#""reasons": "0,99""#, "reasons"),
            (#""reasons": []"#, "reasons"),
            (#""reasons": [31]"#, "reasons"),
            (#""reasons": true"#, "reasons"),
            (#""max": 0"#, "max"),
            (#""max_fraction": 1.5"#, "max_fraction"),
            (#""seed": "x""#, "seed"),
            (#""diversity": "yes""#, "diversity"),
            (#""ranking": "margin""#, "ranking"),
            (#""configuration": {"selection": {"ranking": 3}}"#, "configuration.selection.ranking"),
            (#""configuration": {"selection": {"ranking": "best"}}"#, "configuration.selection.ranking"),
            (#""configuration": {"selection": {"maximumFraction": 3}}"#, "configuration.selection.maximum_fraction"),
            (#""configuration": {"seed": "x"}"#, "configuration.seed"),
            (#""maxx": 3"#, "maxx"),
        ]
        try await server.test { client in
            try await client.execute(uri: "/v1/services/import-output", method: .post,
                                     body: JSON.body(#"{"name": "svc", "type": "image_classification", "input": "\#(input)", "output": "\#(output)"}"#)) { _ in }
            for (fragment, field) in cases {
                try await client.execute(uri: "/v1/services/svc/collection/filter", method: .put, body: JSON.body(#"{"new_dataset": "hard", \#(fragment)}"#)) { response throws in
                    try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: field)
                }
            }
            #expect(try await server.services.service(named: "svc")?.hardExamples == nil, "nothing was stored")
            // A deployment's filter options are checked before anything is deployed.
            let deploy = #"{"name": "d1", "model": "m", "input": "/x", "output": "/y", "hard_examples": {"new_dataset": "h", "max": -2}}"#
            try await client.execute(uri: "/v1/services", method: .post, body: JSON.body(deploy)) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "hard_examples.max")
            }
        }
    }

    func reportFixture(mining: MiningSummary?) async throws -> (TestServer, CollectionTask) {
        var configured = try TestServer()
        configured.runsEngine = false
        let image = try configured.write("in/dark.bmp", TestServer.bmp(width: 16, height: 12, color: (20, 20, 20)))
        configured.extraRoots = [configured.path("in")]
        let server = configured
        let details = [HardReasonDetail(reason: 7, score: 2, measured: 0.08, reference: "p1–p99: 0.3–0.7", suggestion: "Add <dark> images.")]
        try await server.seed(Dataset(id: "d", name: "hard", labelingType: .objectDetection), [
            Sample(id: "a", datasetID: "d", source: image, state: .toBeConfirmed,
                   labels: [Label(type: .objectDetection, name: "<script>alert(1)</script>", shape: .bndbox(xmin: 2, ymin: 2, xmax: 10, ymax: 9), confidence: 0.3)],
                   hardExample: HardExampleInfo(isHard: true, coefficient: 0.8, reasons: [7], details: details)),
            Sample(id: "b", datasetID: "d", source: "/elsewhere/b.png", state: .toBeConfirmed,
                   hardExample: HardExampleInfo(isHard: true, coefficient: 0.4, reasons: [1])),
        ])
        // The task selected both seeded samples.
        var mining = mining
        mining?.hardestSelected = [image, "/elsewhere/b.png"]
        let task = CollectionTask(kind: .filter, serviceID: "s", serviceName: "svc", datasetID: "d", datasetName: "hard",
                                  status: .completed, scanned: 10, hard: 2, imported: 2, mining: mining)
        try await server.tasks.createTask(task)
        return (server, task)
    }

    @Test func aFilterTasksReportIsOneSelfContainedPage() async throws {
        let distribution = FeatureDistribution(
            reason: 7, name: "brightness", scale: .linear,
            batch: FeatureHistogram([0.08, 0.5], range: 0...1, bins: 10), training: FeatureHistogram([0.4, 0.6], range: 0...1, bins: 10))
        let result = MiningResult(samples: [], selection: [], scoredCount: 10, hardCount: 2, referenceSummary: [], featureDistributions: [distribution])
        let (server, task) = try await reportFixture(mining: MiningSummary(result: result, entries: 10, failures: 0, problems: 0, notes: ["n"], model: "m1"))
        try await server.test { client in
            try await client.execute(uri: "/v1/tasks/\(task.id)/report.html?top=5", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(!page.lowercased().contains("<script"))
                #expect(!page.contains("src=\"http"))
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(page.contains("src=\"data:image/jpeg;base64,"))
                #expect(page.contains("Add &lt;dark&gt; images."))
                #expect(page.contains("class=\"bar training\""))
                #expect(page.contains("m1"))
                #expect(page.contains("#2"), "the second example is listed, its image outside the roots named")
                #expect(page.contains("the hardest samples this task selected"))
            }
            try await client.execute(uri: "/v1/tasks/\(task.id)", method: .get) { response throws in
                let object = try JSON.object(response)
                #expect(object["report"] as? String == "/v1/tasks/\(task.id)/report.html")
                #expect((object["mining"] as? [String: Any])?["scored"] as? Int == 10)
            }
            try await client.execute(uri: "/v1/tasks/\(task.id)/report.html?top=9999", method: .get) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "top")
            }
            try await client.execute(uri: "/v1/tasks/nope/report.html", method: .get) { response throws in
                try JSON.expectError(response, .notFound, "WINNOW.NOT_FOUND")
            }
            // The dataset page's feature chart now draws the batch against the training set.
            try await client.execute(uri: "/v1/datasets/hard/charts/features.svg", method: .get) { response throws in
                let svg = String(buffer: response.body)
                #expect(svg.contains("class=\"bar batch\""))
                #expect(svg.contains("aria-label=\"Feature distributions of the batch against the training set\""))
            }
        }
    }

    @Test func anOldTaskWithoutDistributionsStillRendersAndSaysSo() async throws {
        let (server, task) = try await reportFixture(mining: nil)
        try await server.test { client in
            try await client.execute(uri: "/v1/tasks/\(task.id)/report.html", method: .get) { response throws in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("not recorded for this task"))
                #expect(page.contains("7 brightness_drift"), "counts by reason come from the dataset")
                #expect(page.contains("this task ran before Winnow recorded its own selection"))
                #expect(page.contains("#2"), "the dataset's hard samples stand in")
            }
            try await client.execute(uri: "/datasets/hard", method: .get) { response throws in
                #expect(String(buffer: response.body).contains("not recorded for this task"))
            }
        }
    }
}
