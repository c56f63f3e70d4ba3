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

/// The console's pages render, escape what they show, and carry the review controls.
@Suite struct ConsoleTests {
    @Test func escapingCoversTheFiveSpecialCharacters() {
        #expect(HTML.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTML.escape("plain é 猫") == "plain é 猫")
        let name = "<script>alert(1)</script>"
        let page: HTML = "<p title=\"\(name)\">\(name)</p>"
        #expect(page.description == "<p title=\"&lt;script&gt;alert(1)&lt;/script&gt;\">&lt;script&gt;alert(1)&lt;/script&gt;</p>")
        let nested: HTML = "<div>\(page)</div>"
        #expect(nested.description.hasPrefix("<div><p title="))
    }

    @Test func chartsCountCoefficientsIntoBins() {
        #expect(Charts.bins([0, 0.05, 0.15, 0.99, 1.0, 0.5]) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2])
        #expect(Charts.reasons([1: 3, 20: 1]).description.contains("low_confidence"))
        #expect(Charts.histogram([]).description.contains("No coefficients"))
    }

    @Test func pagesRenderWithEscapedDataAndReviewControls() async throws {
        let server = try TestServer()
        let evil = "/in/<script>alert(1)</script>.png"
        try await server.seed(Dataset(id: "d", name: "pets", labelingType: .objectDetection), [
            Sample(id: "s1", datasetID: "d", source: evil, state: .toBeConfirmed, labels: [
                Label(type: .objectDetection, name: "<b>face</b>", shape: .bndbox(xmin: 1, ymin: 1, xmax: 5, ymax: 5), confidence: 0.4, annotatedBy: "winnow/m"),
            ], imageSize: ImageSize(width: 10, height: 10),
            hardExample: HardExampleInfo(isHard: true, coefficient: 0.8, reasons: [1, 11], details: [
                HardReasonDetail(reason: 1, measured: 0.4, reference: "training p5: 0.62", suggestion: "Check the boxes."),
            ])),
        ])
        try await server.test { client in
            for uri in ["/services", "/services/new", "/datasets", "/models", "/datasets/pets?tab=to_be_confirmed", "/samples/s1"] {
                try await client.execute(uri: uri, method: .get) { response throws in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                    let page = String(buffer: response.body)
                    #expect(!page.contains("<script>alert"), "\(uri) shows unescaped text")
                    #expect(!page.contains("<b>face"), "\(uri) shows unescaped text")
                    #expect(!page.contains("https://"), "\(uri) loads something from outside")
                }
            }
            try await client.execute(uri: "/datasets/pets?tab=to_be_confirmed", method: .get) { response throws in
                let page = String(buffer: response.body)
                #expect(page.contains("To be confirmed <span class=\"count\">1</span>"))
                #expect(page.contains("class=\"badge hard\""))
                #expect(page.contains("11 box_count_drift"))
                #expect(page.contains("<img src=\"/samples/s1/thumbnail?v="), "the grid shows the server-rendered thumbnail")
                #expect(!page.contains("<svg class=\"overlay\""), "boxes are drawn into the thumbnail's pixels")
                #expect(page.contains("aria-label=\"Hard examples by reason\""))
                #expect(page.contains("Confirm selected"))
            }
            try await client.execute(uri: "/samples/s1", method: .get) { response throws in
                let page = String(buffer: response.body)
                #expect(page.contains("training p5: 0.62"))
                #expect(page.contains("Check the boxes."))
                #expect(page.contains(HardReason.catalogue[11].suggestion))
                #expect(page.contains("name=\"keep\" value=\"0\" checked"))
                #expect(page.contains("<svg class=\"overlay\" viewBox=\"0 0 10 10\""), "numbered captions over the rendering")
                #expect(page.contains("Unmark hard"))
            }
            for asset in ["winnow.css", "winnow.js"] {
                try await client.execute(uri: "/assets/\(asset)", method: .get) { response in #expect(response.status == .ok) }
            }
            try await client.execute(uri: "/nowhere", method: .get) { response throws in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
        }
    }

    @Test func theDataCollectionTabShowsTheRestartHintAndTaskLinks() async throws {
        var server = try TestServer()
        server.runsEngine = false
        let (input, output) = try server.importedService()
        try await server.test { client in
            try await client.execute(uri: "/v1/services/import-output", method: .post,
                                     body: JSON.body(#"{"name": "svc", "type": "image_classification", "input": "\#(input)", "output": "\#(output)"}"#)) { _ in }
            try await client.execute(uri: "/v1/services/svc/collection/filter", method: .put, body: JSON.body(#"{"new_dataset": "hard", "ranking": "informativeness"}"#)) { _ in }
            try await client.execute(uri: "/services/svc?tab=collection", method: .get) { response throws in
                let page = String(buffer: response.body)
                #expect(page.contains("Sync data to dataset"))
                #expect(page.contains("Hard-example filtering"))
                #expect(page.contains("id=\"restart-hint\""))
                #expect(page.contains("Training dataset manifest"))
                #expect(page.contains(#"<select name="ranking"><option value="coefficient">"#))
                #expect(page.contains(#"<option value="informativeness" selected>"#))
            }
            try await client.execute(uri: "/services", method: .get) { response throws in
                let page = String(buffer: response.body)
                #expect(page.contains("<progress"))
                #expect(page.contains("class=\"pill on\""))
            }
        }
    }

    @Test func batchConfirmAndUnmarkHardThroughTheForms() async throws {
        let server = try TestServer()
        try await server.seed(Dataset(id: "d", name: "pets", labelingType: .imageClassification), (1...3).map {
            Sample(id: "s\($0)", datasetID: "d", source: "/in/\($0).png", state: .toBeConfirmed,
                   labels: [Label(type: .imageClassification, name: "cat", annotatedBy: "winnow/m")], hardExample: HardExampleInfo(isHard: true, reasons: [1]))
        })
        try await server.test { client in
            let (cookie, token) = try await client.execute(uri: "/datasets/pets?tab=to_be_confirmed&notice=old", method: .get) { response throws in
                let page = String(buffer: response.body)
                #expect(page.contains("name=\"back\" value=\"/datasets/pets?tab=to_be_confirmed\""))
                return (try SecurityTests.sessionCookie(response), try SecurityTests.csrf(page))
            }
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/datasets/pets/confirm", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(token)&ids=s1&ids=s3&back=%2Fdatasets%2Fpets%3Ftab%3Dto_be_confirmed")) { response throws in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/datasets/pets?tab=to_be_confirmed&notice=Confirmed") == true)
            }
            #expect(await server.metadata.sample(id: "s1")?.state == .labeled)
            #expect(await server.metadata.sample(id: "s2")?.state == .toBeConfirmed)
            #expect(await server.metadata.sample(id: "s3")?.labels.first?.isConfirmed == true)
            try await client.execute(uri: "/samples/s2/unhard", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(token)")) { response throws in
                #expect(response.status == .seeOther)
            }
            #expect(await server.metadata.sample(id: "s2")?.isHard == false)
            try await client.execute(uri: "/samples/s2/confirm", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(token)&mode=label&label=dog")) { response throws in
                #expect(response.status == .seeOther)
            }
            #expect(await server.metadata.sample(id: "s2")?.labels.map(\.name) == ["dog"])
        }
    }

    @Test func theFilteringEditorsRankingReachesTheBody() throws {
        let other = SelectionConfiguration.Ranking.allCases.first { $0 != SelectionConfiguration.defaultRanking }!
        let chosen = try CollectionSection.filterBody(ConsoleForm(Array("new_dataset=h&ranking=\(other.rawValue)".utf8)))
        #expect(chosen.ranking == other)
        // The default is no option of its own, like diversity "on".
        let standard = try CollectionSection.filterBody(ConsoleForm(Array("new_dataset=h&ranking=\(SelectionConfiguration.defaultRanking.rawValue)".utf8)))
        #expect(standard.ranking == nil && !standard.hasMiningOptions)
        let error = #expect(throws: APIError.self) { try CollectionSection.filterBody(ConsoleForm(Array("new_dataset=h&ranking=best".utf8))) }
        #expect(error?.field == "ranking")
    }
}
