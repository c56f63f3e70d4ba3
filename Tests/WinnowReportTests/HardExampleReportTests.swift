import Foundation
import Testing
import WinnowCore
import WinnowReport

@Suite struct HardExampleReportTests {
    static func summary(distributions: [FeatureDistribution]) -> MiningSummary {
        let info = HardExampleInfo(isHard: true, coefficient: 0.9, reasons: [7], details: [HardReasonDetail(reason: 7, score: 1, measured: 0.02, reference: "p1–p99: 0.3–0.7", suggestion: "check the lighting")])
        let result = MiningResult(
            samples: [MinedSample(index: 0, source: "a.png", info: info, failure: nil, isSelected: true),
                      MinedSample(index: 1, source: "b.png", info: HardExampleInfo(isHard: false, coefficient: 0.1), failure: nil, isSelected: false)],
            selection: [0], scoredCount: 2, hardCount: 1, referenceSummary: [], featureDistributions: distributions)
        return MiningSummary(result: result, entries: 2, failures: 0, problems: 0, notes: ["note <b>bold</b>"], model: "m")
    }

    static let brightness = FeatureDistribution(
        reason: 7, name: "brightness", scale: .linear,
        batch: FeatureHistogram([0.02, 0.5, 0.6], range: 0...1, bins: 10), training: FeatureHistogram([0.4, 0.5, 0.6, 0.7], range: 0...1, bins: 10))

    static func example(label: String, source: String, path: String?) -> ReportExample {
        let sample = Sample(
            datasetID: "", source: source, state: .toBeConfirmed,
            labels: [Label(type: .objectDetection, name: label, shape: .bndbox(xmin: 1, ymin: 1, xmax: 6, ymax: 6), confidence: 0.4)],
            hardExample: HardExampleInfo(isHard: true, coefficient: 0.9, reasons: [7], details: [
                HardReasonDetail(reason: 7, score: 1, measured: 0.02, reference: "p1–p99: 0.3–0.7 <i>", suggestion: "relabel \"it\"")]))
        return ReportExample(rank: 1, sample: sample, imagePath: path, imageProblem: path == nil ? "not a local file: \(source)" : nil)
    }

    @Test func pageIsSelfContainedAndEscapesEveryString() async throws {
        let report = HardExampleReport(title: "Hard examples <script>alert(1)</script>", facts: [("Model", "<script>x</script>")], summary: Self.summary(distributions: [Self.brightness]))
        let page = await report.html([Self.example(label: "<script>alert('label')</script>", source: "https://example.com/<a>.png", path: nil)])
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("src=\"http"))
        #expect(!page.contains("<link"))
        #expect(page.contains("&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt;"))
        #expect(page.contains("note &lt;b&gt;bold&lt;/b&gt;"))
        #expect(page.contains("relabel &quot;it&quot;"))
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test func pageHasEveryChartAndTheExamplesReasons() async {
        let report = HardExampleReport(title: "t", facts: [], summary: Self.summary(distributions: [Self.brightness]))
        let page = await report.html([Self.example(label: "cat", source: "a.png", path: nil)])
        #expect(page.contains("aria-label=\"Hard examples by reason\""))
        #expect(page.contains("7 brightness_drift"))
        #expect(page.contains("aria-label=\"Hard coefficient of every scored sample\""))
        #expect(page.contains("aria-label=\"Feature distributions of the batch against the training set\""))
        #expect(page.contains("class=\"bar training\""))
        #expect(page.contains("class=\"bar batch\""))
        #expect(page.contains("check the lighting") || page.contains("relabel"))
        #expect(page.contains("not a local file: a.png"))
    }

    @Test func thumbnailsAreEmbeddedAsDataURIs() async throws {
        // A 8×8 24-bit BMP written by hand: header, then grey rows.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-report-\(UUID().uuidString).bmp").path
        try Self.bmp(width: 8, height: 8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = HardExampleReport(title: "t", facts: [], summary: Self.summary(distributions: []))
        let page = await report.html([Self.example(label: "cat", source: path, path: path)])
        #expect(page.contains("src=\"data:image/jpeg;base64,/9j/"))
    }

    @Test func aTaskWithoutARecordedSummaryStillRenders() async {
        let task = CollectionTask(kind: .filter, serviceID: "s", serviceName: "svc", datasetID: "d", datasetName: "hard", status: .completed)
        let page = await HardExampleReport.task(task, hardByReason: [1: 3]).html([])
        #expect(page.contains(Charts.distributionsNotRecorded.replacingOccurrences(of: "'", with: "&#39;")))
        #expect(page.contains("1 low_confidence"))
        #expect(page.contains("No hard example was selected."))
    }

    static func bmp(width: Int, height: Int) -> Data {
        let row = (width * 3 + 3) / 4 * 4
        let size = 54 + row * height
        var bytes: [UInt8] = Array("BM".utf8)
        func le32(_ value: Int) { for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> shift) & 0xFF)) } }
        func le16(_ value: Int) { bytes.append(UInt8(value & 0xFF)); bytes.append(UInt8(value >> 8)) }
        le32(size); le32(0); le32(54); le32(40); le32(width); le32(height); le16(1); le16(24); le32(0); le32(row * height); le32(2835); le32(2835); le32(0); le32(0)
        for _ in 0..<height { bytes += Array(repeating: 128, count: width * 3) + Array(repeating: 0, count: row - width * 3) }
        return Data(bytes)
    }
}
