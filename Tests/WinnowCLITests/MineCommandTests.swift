import Foundation
import Testing

/// `winnow mine` on the real batch outputs in ../shared/fixtures.
@Suite(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"))
struct MineCommandTests {
    let fixtures = SharedFixtures.directory ?? "/nonexistent"

    @Test func predictionReasonsOnTheDigitsOutputWriteAManifestAndAReport() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let digits = fixtures + "/digits-classification"
        let result = try winnow.run(
            "mine", "--predictions", digits + "/batch-output", "--type", "image_classification", "--reasons", "0,1",
            "--max", "20", "--out", "hard.manifest", "--report", "report.json", "--quiet")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("719 sample(s): 716 scored, 3 without an answer"), "\(result.stdout)")
        #expect(result.stdout.contains("20 selected"))
        let lines = try String(contentsOfFile: directory.path("hard.manifest"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 20)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect((first["source"] as? String)?.hasPrefix("../batch-input/") == true)
        #expect(first["hard-reasons"] != nil && first["hard-coefficient"] != nil)
        let annotation = try #require((first["annotation"] as? [[String: Any]])?.first)
        #expect(annotation["type"] as? String == "modelarts/image_classification")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.path("report.json")))) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["failures"] as? Int == 3)
        #expect((report["failures"] as? [[String: Any]])?.count == 3)
        #expect((report["selected"] as? [[String: Any]])?.count == 20)
        // The same inputs and seed give the same bytes.
        let again = try winnow.run(
            "mine", "--predictions", digits + "/batch-output/infer-result-digits01.manifest", "--type", "image_classification", "--reasons", "0,1",
            "--max", "20", "--out", "again.manifest", "--quiet")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.path("again.manifest"))) == Data(contentsOf: URL(fileURLWithPath: directory.path("hard.manifest"))))
    }

    @Test func everyReasonOnTheFacesOutputAgainstItsTrainingSet() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let faces = fixtures + "/faces-detection"
        let result = try winnow.run(
            "mine", "--predictions", faces + "/batch-output", "--type", "object_detection", "--train-manifest", faces + "/train-manifest/faces-train.manifest",
            "--out", "hard.manifest", "--report", "report.json", "--quiet")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("training images measured: 40 of 40"), "\(result.stdout)")
        #expect(result.stdout.contains("box features: training"), "\(result.stdout)")
        let manifest = try String(contentsOfFile: directory.path("hard.manifest"), encoding: .utf8)
        #expect(manifest.contains("annotation-loc"))
        #expect(FileManager.default.fileExists(atPath: directory.path("hard-annotations")))
        let validate = try winnow.run("validate", "hard.manifest")
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
    }

    @Test func explainPrintsEveryThresholdAndBadInputIsNamed() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let explained = try winnow.run("mine", "--explain", "--reasons", "0-3,30")
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("coefficient"))
        let ranked = try winnow.run("mine", "--explain", "--rank", "informativeness", "--max", "10")
        #expect(ranked.status == 0 && ranked.stdout.contains("ranked by informativeness"), "\(ranked.stderr)")
        let badRank = try winnow.run("mine", "--explain", "--rank", "margin")
        #expect(badRank.status != 0 && badRank.stderr.contains("--rank"), "\(badRank.stderr)")
        let badReasons = try winnow.run("mine", "--predictions", "x", "--type", "image_classification", "--reasons", "1,40", "--out", "o.manifest")
        #expect(badReasons.status == 1 && badReasons.stderr.contains("'40'"), "\(badReasons.stderr)")
        let missing = try winnow.run("mine", "--predictions", "nowhere", "--type", "image_classification", "--out", "o.manifest")
        #expect(missing.status == 1 && missing.stderr.contains("nowhere does not exist"), "\(missing.stderr)")
        try directory.write("bad.json", #"{"selection": {"maximumFraction": "lots"}}"#)
        let badConfig = try winnow.run("mine", "--explain", "--mining-config", "bad.json")
        #expect(badConfig.status == 1 && badConfig.stderr.contains("selection.maximumFraction"), "\(badConfig.stderr)")
        try directory.write("bad-rank.json", #"{"selection": {"ranking": "margin"}}"#)
        let badRankConfig = try winnow.run("mine", "--explain", "--mining-config", "bad-rank.json")
        #expect(badRankConfig.status == 1 && badRankConfig.stderr.contains("selection.ranking: unknown ranking"), "\(badRankConfig.stderr)")
        let augmentWithoutModel = try winnow.run(
            "mine", "--predictions", fixtures + "/digits-classification/batch-output", "--type", "image_classification", "--augment", "fliplr", "--out", "o.manifest")
        #expect(augmentWithoutModel.status == 1 && augmentWithoutModel.stderr.contains("--augment needs --model"), "\(augmentWithoutModel.stderr)")
    }

    @Test func shardsThenPartialsEqualASingleRun() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let faces = fixtures + "/faces-detection"
        let common = ["--predictions", faces + "/batch-output", "--type", "object_detection", "--train-manifest", faces + "/train-manifest/faces-train.manifest", "--quiet"]
        #expect(try winnow.run(["mine"] + common + ["--out", "single/hard.manifest"]).status == 0)
        for part in 1...2 {
            let shard = try winnow.run(["mine"] + common + ["--shard", "\(part)/2", "--partial-out", "p\(part).jsonl"])
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        let merged = try winnow.run(["mine"] + common + ["--partials", "p2.jsonl,p1.jsonl", "--out", "merged/hard.manifest"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let single = try String(contentsOfFile: directory.path("single/hard.manifest"), encoding: .utf8)
        #expect(!single.isEmpty)
        #expect(try String(contentsOfFile: directory.path("merged/hard.manifest"), encoding: .utf8) == single)
        let annotations = try FileManager.default.contentsOfDirectory(atPath: directory.path("single/hard-annotations")).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path("merged/hard-annotations")).sorted() == annotations)
        for name in annotations {
            #expect(try Data(contentsOf: URL(fileURLWithPath: directory.path("merged/hard-annotations/" + name)))
                == Data(contentsOf: URL(fileURLWithPath: directory.path("single/hard-annotations/" + name))))
        }
    }
}
