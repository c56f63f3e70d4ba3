import Foundation
import Testing

/// `winnow image features | embed | augment`, run as a user would.
@Suite struct ImageCommandTests {
    @Test func featuresOfAFolderStreamOneJSONLinePerFileAndReportBadFiles() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", directory.path("demo")).status == 0)
        try directory.write("demo/images/classification/zz-notes.jpg", "a text file named like a photo\n")

        let result = try winnow.run("image", "features", "--json", directory.path("demo/images"))
        #expect(result.status == 1, "one file is not an image")
        let lines = try result.lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let files = lines.compactMap { $0["file"] as? String }
        #expect(files == files.sorted(), "stable name order")
        let failures = lines.filter { $0["error"] != nil }
        #expect(failures.count == 1)
        #expect((failures.first?["file"] as? String)?.hasSuffix("zz-notes.jpg") == true)
        #expect((failures.first?["error"] as? [String: Any])?["code"] as? String == "unknown_format")
        let measured = lines.filter { $0["error"] == nil }
        #expect(measured.count == files.count - 1 && measured.count >= 10)
        for line in measured {
            #expect(line["format"] as? String == "bmp")
            let brightness = try #require(line["brightness"] as? Double)
            #expect(brightness > 0 && brightness < 1)
            #expect((line["aspect_ratio"] as? Double).map { $0 > 0 } == true)
        }
        #expect(result.stderr.contains("zz-notes.jpg: not an image"))
        #expect(result.stderr.contains("1 failed"))
    }

    @Test func embedPrintsUnitVectors() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", directory.path("demo")).status == 0)
        let result = try winnow.run("image", "embed", "--jobs", "1", directory.path("demo/images/detection"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count >= 5)
        for line in result.lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let vector = try #require(object["embedding"] as? [Double])
            #expect(vector.count == 227)
            #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-3)
        }
    }

    @Test func augmentWritesAnImageAndItsMapping() throws {
        let directory = try TemporaryDirectory()
        let winnow = WinnowProcess(in: directory)
        #expect(try winnow.run("sample-data", directory.path("demo")).status == 0)
        let input = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path("demo/images/detection")).sorted().first)
        let result = try winnow.run("image", "augment", directory.path("demo/images/detection/" + input), "--kind", "fliplr", "--out", directory.path("flipped.png"))
        #expect(result.status == 0, "\(result.stderr)")
        let view = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(view["reason"] as? Int == 20)
        let mapping = try #require(view["mapping"] as? [Double])
        #expect(mapping[0] == -1 && mapping[4] == 1)
        let written = try Data(contentsOf: URL(fileURLWithPath: directory.path("flipped.png")))
        #expect(written.starts(with: [0x89, 0x50, 0x4E, 0x47]))

        let bad = try winnow.run("image", "augment", directory.path("missing.jpg"), "--kind", "invert", "--out", directory.path("x.jpg"))
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("missing.jpg: cannot open"))
    }
}
