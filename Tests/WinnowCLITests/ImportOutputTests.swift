import Foundation
import Testing

/// `winnow service import-output` on the real batch outputs in ../shared/fixtures.
@Suite(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"))
struct ImportOutputTests {
    let fixtures = SharedFixtures.directory ?? "/nonexistent"

    @Test func importsTheDigitsBatchOutput() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let result = try winnow.run(
            "service", "import-output", "--name", "digits", "--type", "image_classification",
            "--input", fixtures + "/digits-classification/batch-input", "--output", fixtures + "/digits-classification/batch-output")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("716 succeeded, 3 failed"))
        #expect(result.stdout.contains("run digits01"))
        let list = try winnow.run("service", "list")
        #expect(list.stdout.contains("(imported)"))
        let start = try winnow.run("service", "start", "digits")
        #expect(start.status == 1)
        #expect(start.stderr.contains("finished"))
    }

    @Test func refusesAFolderThatIsNotABatchOutput() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let result = try winnow.run(
            "service", "import-output", "--name", "x", "--type", "object_detection",
            "--input", fixtures + "/faces-detection/batch-input", "--output", fixtures + "/faces-detection/batch-input")
        #expect(result.status == 1)
        #expect(result.stderr.contains("holds no infer-result-*.manifest"))
    }
}
