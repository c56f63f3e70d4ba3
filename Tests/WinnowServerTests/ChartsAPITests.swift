import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WinnowCore
import WinnowStore
@testable import WinnowServer

/// The dataset charts: counts by reason, the coefficient histogram, feature distributions against the
/// training set, as standalone SVG from the API and inline in the console.
@Suite struct ChartsAPITests {
    static let band = "p1–p99: 0.31–0.72 (median 0.5), modified z 5.2"

    func fixture() async throws -> TestServer {
        let server = try TestServer()
        func hard(_ id: String, _ coefficient: Double, reasons: [Int], brightness: Double? = nil) -> Sample {
            let details = brightness.map { [HardReasonDetail(reason: 7, measured: $0, reference: Self.band, suggestion: "Add images like it.")] } ?? []
            return Sample(id: id, datasetID: "d", source: "/in/\(id).png", state: .toBeConfirmed,
                          hardExample: HardExampleInfo(isHard: true, coefficient: coefficient, reasons: reasons, details: details))
        }
        try await server.seed(Dataset(id: "d", name: "batch", labelingType: .imageClassification), [
            hard("a", 0.95, reasons: [1, 7], brightness: 0.93),
            hard("b", 1.0, reasons: [7], brightness: 0.05),
            hard("c", 0.05, reasons: [1]),
            hard("e", 0.55, reasons: [30]),
            Sample(id: "f", datasetID: "d", source: "/in/f.png"),
        ])
        return server
    }

    @Test func chartsAreServedAsStandaloneSVG() async throws {
        let server = try await fixture()
        try await server.test { client in
            try await client.execute(uri: "/v1/datasets/batch/charts/reasons", method: .get) { response throws in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml; charset=utf-8")
                let svg = String(buffer: response.body)
                #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
                #expect(svg.contains("<style>"))
                #expect(svg.contains("<title>1 low_confidence: 2</title>"))
                #expect(svg.contains("<title>7 brightness_drift: 2</title>"))
                #expect(svg.contains("<title>30 outlier: 1</title>"))
            }
            try await client.execute(uri: "/v1/datasets/batch/charts/coefficients.svg", method: .get) { response throws in
                #expect(response.status == .ok)
                let svg = String(buffer: response.body)
                #expect(svg.contains("<title>0.0–0.1: 1</title>"))
                #expect(svg.contains("<title>0.5–0.6: 1</title>"))
                #expect(svg.contains("<title>0.9–1.0: 2</title>"), "1.0 falls in the last bin")
                #expect(svg.contains("<title>0.3–0.4: 0</title>"))
            }
            try await client.execute(uri: "/v1/datasets/batch/charts/features", method: .get) { response throws in
                #expect(response.status == .ok)
                let svg = String(buffer: response.body)
                #expect(svg.contains("7 brightness_drift: 2 samples"))
                #expect(svg.contains("class=\"band\""))
                #expect(svg.components(separatedBy: "class=\"bar drift\"").count - 1 == 3, "two bars and the legend")
            }
        }
    }

    @Test func chartErrorsNameTheField() async throws {
        let server = try await fixture()
        try await server.test { client in
            try await client.execute(uri: "/v1/datasets/batch/charts/pie", method: .get) { response throws in
                try JSON.expectError(response, .badRequest, "WINNOW.INVALID_PARAMETER", field: "chart")
            }
            try await client.execute(uri: "/v1/datasets/nope/charts/reasons", method: .get) { response throws in
                try JSON.expectError(response, .notFound, "WINNOW.NOT_FOUND")
            }
        }
    }

    @Test func aDatasetWithoutDriftSaysSo() async throws {
        let server = try TestServer()
        try await server.seed(Dataset(id: "d", name: "calm", labelingType: .imageClassification), [Sample(id: "x", datasetID: "d", source: "/in/x.png")])
        try await server.test { client in
            try await client.execute(uri: "/v1/datasets/calm/charts/features", method: .get) { response throws in
                let svg = String(buffer: response.body)
                #expect(svg.hasPrefix("<svg xmlns="))
                #expect(svg.contains("No image or box feature drifted"))
            }
            try await client.execute(uri: "/datasets/calm", method: .get) { response throws in
                #expect(!String(buffer: response.body).contains("charts/features"))
            }
        }
    }

    @Test func theConsoleDrawsReasonAndCoefficientChartsInlineAndLoadsFeatures() async throws {
        let server = try await fixture()
        try await server.test { client in
            try await client.execute(uri: "/datasets/batch", method: .get) { response throws in
                let page = String(buffer: response.body)
                #expect(page.contains("aria-label=\"Hard examples by reason\""))
                #expect(page.contains("<title>0.9–1.0: 2</title>"))
                #expect(page.contains("src=\"/v1/datasets/batch/charts/features.svg\""))
            }
        }
    }

    static func same(_ band: (lower: Double?, upper: Double?, median: Double?), _ lower: Double?, _ upper: Double?, _ median: Double?) -> Bool {
        band.lower == lower && band.upper == upper && band.median == median
    }

    @Test func bandsAreReadFromTheReferenceText() {
        #expect(Self.same(FeatureDrift.band(Self.band), 0.31, 0.72, 0.5))
        #expect(Self.same(FeatureDrift.band("p99: 12 (median 3), modified z 4"), nil, 12, 3))
        #expect(Self.same(FeatureDrift.band("p5: 0.1 (median 0.4), modified z 4"), 0.1, nil, 0.4))
        #expect(Self.same(FeatureDrift.band("training p5: 0.62"), 0.62, nil, nil))
        #expect(Self.same(FeatureDrift.band("whatever"), nil, nil, nil))
        let drifts = FeatureDrift.collect([
            Sample(datasetID: "d", source: "/a", hardExample: HardExampleInfo(isHard: true, reasons: [7, 1], details: [
                HardReasonDetail(reason: 7, measured: 0.9, reference: Self.band), HardReasonDetail(reason: 1, measured: 0.2),
            ])),
            Sample(datasetID: "d", source: "/b", hardExample: HardExampleInfo(isHard: true, reasons: [7], details: [
                HardReasonDetail(reason: 7, measured: .nan), HardReasonDetail(reason: 7, measured: 0.1),
            ])),
        ])
        #expect(drifts.map(\.reason) == [7])
        #expect(drifts.first?.measured == [0.9, 0.1])
        #expect(drifts.first?.upper == 0.72)
    }
}
