import Foundation
import Testing

/// `winnow mine --report FILE.html` on a small generated folder, and `winnow report --task` on a
/// filtering task the instant model server produced.
@Suite struct MineHTMLReportTests {
    /// A ModelArts output folder for the demo's eight detection images: one box each, the last two with
    /// a low score, the `d07` box labelled `<script>` to prove escaping.
    static func writeDetectionOutput(_ directory: TemporaryDirectory) throws {
        var lines: [String] = []
        for index in 0..<8 {
            let name = String(format: "d%02d.bmp", index)
            let label = index == 7 ? "<script>alert(1)</script>" : "sign"
            let score = index >= 6 ? 0.35 : 0.9
            try directory.write("out/infer-result-r1/\(name)_result.txt", """
                {"detection_classes": ["\(label)"], "detection_boxes": [[4, 6, 30, 40]], "detection_scores": [\(score)]}
                """)
            lines.append(#"{"source":"\#(directory.path("files/images/detection/" + name))","inference-loc":"infer-result-r1/\#(name)_result.txt","result":"SUCCESSFUL"}"#)
        }
        try directory.write("out/infer-result-r1.manifest", lines.joined(separator: "\n") + "\n")
    }

    @Test func anHTMLReportIsOneSelfContainedPageWithChartsAndThumbnails() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", "files").status == 0)
        try Self.writeDetectionOutput(directory)
        let result = try winnow.run(
            "mine", "--predictions", "out", "--type", "object_detection", "--train-manifest", "files/detection.manifest",
            "--report", "report.html", "--top", "3", "--quiet")
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: directory.path("report.html"), encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.lowercased().contains("<script"), "the label is escaped")
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("aria-label=\"Hard examples by reason\""))
        #expect(page.contains("aria-label=\"Hard coefficient of every scored sample\""))
        #expect(page.contains("class=\"bar training\""), "feature distributions against the training set")
        #expect(page.contains("class=\"bar batch\""))
        let thumbnails = page.components(separatedBy: "src=\"data:image/jpeg;base64,").count - 1
        #expect(thumbnails >= 1 && thumbnails <= 3, "\(thumbnails) thumbnails for --top 3")
        #expect(page.contains("files/detection.manifest"))
        // A JSON report still is JSON, now with the feature distributions.
        let json = try winnow.run(
            "mine", "--predictions", "out", "--type", "object_detection", "--train-manifest", "files/detection.manifest", "--report", "report.json", "--quiet")
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.path("report.json")))) as? [String: Any])
        let distributions = try #require(report["feature_distributions"] as? [[String: Any]])
        #expect(!distributions.isEmpty)
        let first = try #require(distributions.first)
        #expect((first["edges"] as? [Double])?.count == ((first["batch"] as? [String: Any])?["counts"] as? [Int])?.count.advanced(by: 1))
    }

    @Test func badReportArgumentsAreNamed() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let missing = try winnow.run("report", "--task", "nope", "--out", "r.html")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no collection task 'nope'"), "\(missing.stderr)")
        let negative = try winnow.run("report", "--task", "nope", "--out", "r.html", "--top", "-1")
        #expect(negative.status != 0)
        #expect(negative.stderr.contains("--top"), "\(negative.stderr)")
    }
}

@Suite(.enabled(if: PythonRuntime.available, "skipped: python3 is not on PATH"))
struct TaskReportCommandTests {
    @Test func aFilteringTasksReportIsWrittenFromTheStore() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        try DataCollectionTests().prepare(winnow, directory)
        let deployed = try winnow.run("service", "deploy", "--name", "s", "--model", "instant", "--input", "files/images/classification",
                                      "--output", "out", "--hard-examples", "--training-manifest", "files/classification.manifest",
                                      "--new-hard-dataset", "hard", "--quiet")
        #expect(deployed.status == 0, "\(deployed.stderr)")
        let tasks = try winnow.run("collect", "tasks", "--service", "s", "--json")
        let list = try JSONSerialization.jsonObject(with: Data(tasks.stdout.utf8)) as? [[String: Any]] ?? []
        let id = try #require(list.first { $0["kind"] as? String == "filter" }?["id"] as? String)
        // A harder sample that another run put in the same dataset is not this task's.
        try directory.write("other.manifest", """
            {"source": "\(directory.path("files/images/detection/d00.bmp"))", "hard": "true", "hard-coefficient": 1.0, "hard-reasons": "30", \
            "annotation": [{"type": "modelarts/image_classification", "name": "other", "annotated-by": "modelarts/hard_example_algorithm"}]}

            """)
        let other = try winnow.run("dataset", "import", "other.manifest", "--dataset", "hard")
        #expect(other.status == 0, "\(other.stderr)")
        let written = try winnow.run("report", "--task", id, "--out", "task.html", "--top", "5")
        #expect(written.status == 0, "\(written.stderr)")
        let page = try String(contentsOfFile: directory.path("task.html"), encoding: .utf8)
        #expect(!page.lowercased().contains("<script"))
        #expect(page.contains("instant"), "the model is named")
        #expect(page.contains("aria-label=\"Feature distributions of the batch against the training set\""))
        #expect(page.contains("src=\"data:image/jpeg;base64,"))
        #expect(!page.contains("not recorded"))
        #expect(page.contains("the hardest samples this task selected"))
        #expect(!page.contains("d00.bmp"), "another run's sample in the dataset")
    }
}
