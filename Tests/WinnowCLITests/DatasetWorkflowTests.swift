import Foundation
import Testing

/// The CLI end to end on the sample data it generates: validate, create, import, list, show, export,
/// and import the export again.
@Suite struct DatasetWorkflowTests {
    @Test func sampleDataValidatesImportsAndRoundTripsThroughExport() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", "files").status == 0)

        let validation = try winnow.run("validate", "files/classification.manifest", "files/detection.manifest")
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
        #expect(validation.stderr.contains("all valid"))

        #expect(try winnow.run("dataset", "create", "cls", "--type", "image_classification").status == 0)
        #expect(try winnow.run("dataset", "create", "det", "--type", "object_detection").status == 0)
        let imported = try winnow.run("dataset", "import", "files/classification.manifest", "--dataset", "cls", "--json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
        #expect(report?["inserted"] as? Int == 24)
        #expect((report?["by_state"] as? [String: Int]) == ["labeled": 14, "to_be_confirmed": 6, "unlabeled": 4])
        #expect(try winnow.run("dataset", "import", "files/detection.manifest", "--dataset", "det").status == 0)

        let shown = try winnow.run("dataset", "show", "cls", "--json")
        let statistics = try #require((try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])?["statistics"] as? [String: Any])
        #expect(statistics["hard"] as? Int == 2)
        #expect((statistics["by_reason"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [1, 7, 30])

        // Export detection with its VOC files, validate the export, and import it into a new dataset.
        let exported = try winnow.run("dataset", "export", "det", "--out", "out/det.manifest")
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("6 VOC files"))
        let revalidated = try winnow.run("validate", "out/det.manifest")
        #expect(revalidated.status == 0, "\(revalidated.stdout)")
        #expect(try winnow.run("dataset", "create", "det2", "--type", "object_detection").status == 0)
        #expect(try winnow.run("dataset", "import", "out/det.manifest", "--dataset", "det2").status == 0)
        let original = try winnow.run("samples", "list", "--dataset", "det", "--sort", "name", "--json", "--limit", "100").stdout
        let copy = try winnow.run("samples", "list", "--dataset", "det2", "--sort", "name", "--json", "--limit", "100").stdout
        let strip: (String) throws -> [[String: String]] = { text in
            let samples = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
            return samples.map { ["source": $0["source"] as? String ?? "", "state": $0["state"] as? String ?? "", "labels": "\($0["labels"] ?? "")"] }
                .sorted { $0["source"]! < $1["source"]! }
        }
        #expect(try strip(original) == strip(copy))
        #expect(try strip(original).count == 8)

        let list = try winnow.run("dataset", "list")
        #expect(list.lines.first?.hasPrefix("NAME") == true)
        #expect(list.lines.count == 4)
    }

    @Test func validateReportsEveryProblemWithFileAndLine() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", "files").status == 0)
        let result = try winnow.run("validate", "files/broken/broken.manifest")
        #expect(result.status == 1)
        let problemLines = result.lines.compactMap { line -> Int? in
            guard line.hasPrefix("files/broken/broken.manifest:") else { return nil }
            return Int(line.split(separator: ":")[1])
        }
        #expect(problemLines == [2, 3, 4, 5, 6], "\(result.stdout)")
        #expect(result.stdout.contains("annotation[0].name"))
        #expect(result.stdout.contains("missing.xml"))
    }

    @Test func aFailedImportLeavesTheDatasetAsItWas() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", "files").status == 0)
        #expect(try winnow.run("dataset", "create", "cls", "--type", "image_classification").status == 0)
        #expect(try winnow.run("dataset", "import", "files/classification.manifest", "--dataset", "cls").status == 0)
        let before = try winnow.run("samples", "list", "--dataset", "cls", "--sort", "name", "--json", "--limit", "1000").stdout

        try directory.write("bad.manifest", """
            {"source":"/new/1.jpg"}
            {"source":"/new/2.jpg","usage":"TRAINING"}
            {"source":"/new/3.jpg"}
            """)
        let failed = try winnow.run("dataset", "import", "bad.manifest", "--dataset", "cls")
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("bad.manifest:2:"))
        #expect(failed.stderr.contains("usage"))
        #expect(try winnow.run("samples", "list", "--dataset", "cls", "--sort", "name", "--json", "--limit", "1000").stdout == before)

        let skipped = try winnow.run("dataset", "import", "bad.manifest", "--dataset", "cls", "--skip-invalid", "--json")
        #expect(skipped.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as? [String: Any]
        #expect(report?["inserted"] as? Int == 2)
        #expect(report?["invalid"] as? Int == 1)
    }

    @Test func unknownDatasetsAndTypesAreRefusedClearly() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        let missing = try winnow.run("dataset", "show", "nope")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no dataset named 'nope'"))
        let badType = try winnow.run("dataset", "create", "x", "--type", "video")
        #expect(badType.status != 0)
        #expect(badType.stderr.contains("--type"))
        let badName = try winnow.run("dataset", "create", "../etc", "--type", "object_detection")
        #expect(badName.status == 1)
        #expect(try winnow.run("dataset", "create", "dup", "--type", "object_detection").status == 0)
        let duplicate = try winnow.run("dataset", "create", "dup", "--type", "object_detection")
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("exists already"))
    }
}
