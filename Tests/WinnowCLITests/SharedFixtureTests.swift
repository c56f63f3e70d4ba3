import Foundation
import Testing

/// The CLI on the real fixtures in ../shared/fixtures (skipped when absent).
@Suite(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"))
struct SharedFixtureTests {
    let fixtures = SharedFixtures.directory ?? "/nonexistent"

    @Test func trainingManifestsAndTheirVOCFilesAreValid() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let result = try winnow.run(
            "validate", fixtures + "/digits-classification/train-manifest", fixtures + "/faces-detection/train-manifest",
            fixtures + "/digits-classification/batch-output", fixtures + "/faces-detection/batch-output")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stderr.contains("40 annotation files") || result.stderr.contains("annotation files"))
    }

    @Test func sdkErrorFilesAreRejectedAndGoodFilesAccepted() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let good = try winnow.run("validate", fixtures + "/modelarts-sdk/voc/2007_000027.xml", fixtures + "/modelarts-sdk/voc/labelProperties.xml",
                                  fixtures + "/modelarts-sdk/voc/polyline.xml", fixtures + "/modelarts-sdk/detect-multi-local-voc.manifest",
                                  fixtures + "/modelarts-sdk/classification-multi-xy-V201902220937263726.manifest", fixtures + "/modelarts-sdk/V002.manifest")
        #expect(good.status == 0, "\(good.stdout)")
        let bad = try winnow.run("validate", fixtures + "/modelarts-sdk/voc/errorFiles")
        #expect(bad.status == 1)
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures + "/modelarts-sdk/voc/errorFiles")
        for name in names {
            #expect(bad.stdout.contains(name), "no problem reported for \(name)")
        }
    }

    @Test func s3AnnotationFilesAreReportedAsUnreachable() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let result = try winnow.run("validate", fixtures + "/modelarts-sdk/detect-multi-s3-voc.manifest")
        #expect(result.status == 1)
        #expect(result.stdout.contains("annotation-loc"))
        #expect(result.stdout.contains("s3://carbonsouth/manifest/voc/2007_000027.xml"))
    }

    @Test func theFacesTrainingSetImportsWithItsBoxes() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("dataset", "create", "faces", "--type", "object_detection").status == 0)
        let imported = try winnow.run("dataset", "import", fixtures + "/faces-detection/train-manifest/faces-train.manifest", "--dataset", "faces", "--json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect(report?["inserted"] as? Int == 40)
        let samples = try winnow.run("samples", "list", "--dataset", "faces", "--label", "face", "--json", "--limit", "100")
        let list = try JSONSerialization.jsonObject(with: Data(samples.stdout.utf8)) as? [[String: Any]]
        #expect((list?.count ?? 0) > 0)
    }
}
