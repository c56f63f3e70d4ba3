import Foundation
import Testing
import WinnowCore

/// Every manifest under `../shared/fixtures` (real ModelArts SDK files and the demo datasets) decodes,
/// with concrete values checked, and survives decode → encode → decode unchanged.
@Suite(.enabled(if: SharedFixtures.available, "\(SharedFixtures.skipMessage)"))
struct ManifestFixtureTests {
    /// Splits and decodes a fixture manifest, 64 KiB at a time as a reader of a file would.
    static func decode(_ relativePath: String) throws -> [(number: Int, line: ManifestLine)] {
        let bytes = try SharedFixtures.bytes(relativePath)
        var splitter = ManifestLineSplitter()
        var lines: [(number: Int, line: ManifestLine)] = []
        var offset = 0
        repeat {
            let end = min(offset + 65_536, bytes.count)
            splitter.append(bytes[offset..<end])
            offset = end
            if offset == bytes.count { splitter.finish() }
            while let raw = try splitter.nextLine() {
                lines.append((raw.number, try ManifestCodec.decodeLine(raw, file: relativePath)))
            }
        } while offset < bytes.count
        return lines
    }

    static var allManifests: [String] {
        guard let directory = SharedFixtures.directory,
              let enumerator = FileManager.default.enumerator(atPath: directory.path)
        else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".manifest") }.sorted()
    }

    @Test func everyFixtureManifestDecodesAndRoundTrips() throws {
        let paths = Self.allManifests
        #expect(paths.count >= 12)
        var total = 0
        for path in paths {
            let lines = try Self.decode(path)
            #expect(!lines.isEmpty, "\(path)")
            for (number, line) in lines {
                let again = try ManifestCodec.decodeLine(ManifestCodec.encodeLine(line), line: number, file: path)
                #expect(again == line, "\(path):\(number)")
            }
            total += lines.count
        }
        #expect(total >= 1900)
    }

    @Test func classificationMultiHasHardDogs() throws {
        let lines = try Self.decode("modelarts-sdk/classification-multi-xy-V201902220937263726.manifest")
        #expect(lines.count == 19)
        let first = try #require(lines.first?.line)
        #expect(first.source == "s3://obs-ma/test/classification/datafiles/11_1550650987036.jpg")
        #expect(first.usage == .train)
        let dog = try #require(first.annotations.first)
        #expect(dog.type == .imageClassification)
        #expect(dog.name == "Dog")
        #expect(dog.property == .object(["color": .string("black")]))
        #expect(dog.confidence == 0.8)
        #expect(dog.hard == true)
        #expect(dog.annotatedBy == "human")
        #expect(dog.creationTime == "2019-02-20 08:23:07")
        #expect(lines.filter { $0.line.annotations.first?.hard == true }.count == 8)
    }

    @Test func chineseClassNames() throws {
        let lines = try Self.decode("modelarts-sdk/classification-xy-V201902220937263726.manifest")
        #expect(lines.count == 19)
        #expect(lines.contains { $0.line.annotations.first?.name == "狗" })
        #expect(lines.contains { $0.line.annotations.first?.name == "猫" })
        #expect(lines.allSatisfy { $0.line.annotations.first?.hard == nil })
    }

    @Test func detectionWithLocalVOCFiles() throws {
        let lines = try Self.decode("modelarts-sdk/detect-multi-local-voc.manifest")
        #expect(lines.count == 8)
        for (_, line) in lines {
            let box = try #require(line.annotations.first)
            #expect(box.type == .objectDetection)
            #expect(box.annotationLocation == "./voc/2007_000027.xml")
            #expect(box.annotationFormat == "PASCAL VOC")
        }
        #expect(lines.first?.line.source == "s3://obs-ma/test/label-0220/datafiles/1 (15)_1550632618199.jpg")
    }

    @Test func mixedClassificationAndDetection() throws {
        let lines = try Self.decode("modelarts-sdk/classification-detection-multi-xy-V201902220937263726.manifest")
        #expect(lines.count == 5)
        #expect(lines[0].line.annotations.map(\.type) == [.imageClassification, .objectDetection])
        #expect(lines[0].line.annotations[0].property == .object([:]))
        #expect(lines[2].line.id == "XGDVGS" && lines[2].line.usage == .inference && lines[2].line.annotations.isEmpty)
        #expect(lines[3].line.usage == .inference)
    }

    @Test func propertyWrittenAsAJSONString() throws {
        let lines = try Self.decode("modelarts-sdk/V002.manifest")
        #expect(lines.count == 10)
        let first = try #require(lines.first?.line)
        #expect(first.source == "s3://modelartscarbon/flowers/8705462313_4458d64cd4.jpg")
        #expect(first.annotations.first?.name == "sunflowers")
        #expect(first.annotations.first?.property == .string(#"[{"type":0,"property":{}}]"#))
    }

    @Test func digitsTrainingManifest() throws {
        let lines = try Self.decode("digits-classification/train-manifest/digits-train.manifest")
        #expect(lines.count == 1078)
        #expect(lines.last?.number == 1078)
        #expect(lines.allSatisfy { $0.line.usage == .train && $0.line.annotations.count == 1 })
        #expect(Set(lines.compactMap { $0.line.annotations.first?.name }) == Set((0...9).map(String.init)))
        #expect(lines[0].line == ManifestLine(
            source: "../train/d0661.png", usage: .train,
            annotations: [ManifestAnnotation(type: .imageClassification, name: "5", annotatedBy: "human", creationTime: "2026-11-28 12:00:00")]
        ))
    }

    @Test func digitsBatchOutput() throws {
        let lines = try Self.decode("digits-classification/batch-output/infer-result-digits01.manifest")
        #expect(lines.count == 719)
        let failed = lines.filter { $0.line.result == "FAILED" }
        #expect(failed.map(\.number) == [305, 419, 430])
        #expect(failed.count == 3)
        #expect(failed.first?.line == ManifestLine(
            source: "../batch-input/b1161.png", result: "FAILED", errorMessage: "cannot identify image file"
        ))
        #expect(lines[0].line.result == "SUCCESSFUL")
        #expect(lines[0].line.inferenceLocation == "infer-result/b0856.png_result.txt")
        #expect(lines[0].line.errorMessage == nil)
    }

    @Test func facesDetection() throws {
        let train = try Self.decode("faces-detection/train-manifest/faces-train.manifest")
        #expect(train.count == 40)
        #expect(train[0].line.annotations.first?.annotationLocation == "../train/annotations/t000.xml")
        let output = try Self.decode("faces-detection/batch-output/infer-result-faces01.manifest")
        #expect(output.count == 38)
        #expect(output[0].line.inferenceLocation == "infer-result/astronaut.jpg_result.txt")
    }
}
