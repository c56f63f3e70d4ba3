import Testing
import WinnowCore

/// A bad manifest line and the error it must give.
struct BadLine: Sendable, CustomTestStringConvertible {
    var bytes: [UInt8]
    var field: String?
    var message: String
    var testDescription: String { String(decoding: bytes, as: UTF8.self) }

    init(_ text: String, field: String?, _ message: String) {
        bytes = Array(text.utf8)
        self.field = field
        self.message = message
    }

    init(bytes: [UInt8], field: String?, _ message: String) {
        self.bytes = bytes
        self.field = field
        self.message = message
    }
}

@Suite struct ManifestCodecTests {
    @Test func decodesTheSpecificationExample() throws {
        let text = #"{"source":"s3://path/to/image1.jpg","usage":"TRAIN","hard":"true","hard-coefficient":0.8,"id":"0162005993f8065ef47eefb59d1e4970","annotation":[{"type":"modelarts/image_classification","name":"cat","property":{"color":"white","kind":"Persian cat"},"hard":"true","hard-coefficient":0.8,"annotated-by":"human","creation-time":"2019-01-23 11:30:30"},{"type":"modelarts/image_classification","name":"animal","annotated-by":"modelarts/active-learning","confidence":0.8,"creation-time":"2019-01-23 11:30:30"}],"inference-loc":"/path/to/inference-output"}"#
        let line = try ManifestCodec.decodeLine(text, line: 1)
        #expect(line.source == "s3://path/to/image1.jpg")
        #expect(line.usage == .train)
        #expect(line.hard == true)
        #expect(line.hardCoefficient == 0.8)
        #expect(line.id == "0162005993f8065ef47eefb59d1e4970")
        #expect(line.inferenceLocation == "/path/to/inference-output")
        #expect(line.extra.isEmpty)
        try #require(line.annotations.count == 2)
        let cat = line.annotations[0]
        #expect(cat.type == .imageClassification && cat.name == "cat")
        #expect(cat.property == .object(["color": .string("white"), "kind": .string("Persian cat")]))
        #expect(cat.hard == true && cat.hardCoefficient == 0.8)
        #expect(cat.annotatedBy == "human" && cat.creationTime == "2019-01-23 11:30:30")
        #expect(line.annotations[1].confidence == 0.8)
        #expect(line.annotations[1].annotatedBy == "modelarts/active-learning")
    }

    @Test func readsBothSpellingsOfEveryMultiWordKey() throws {
        let hyphens = #"{"source":"a","inference-loc":"i","hard-coefficient":0.5,"hard-reasons":"3-20","sample-type":0,"source-type":"csv","error-message":"e","annotation":[{"type":"modelarts/object_detection","annotation-loc":"l.xml","annotation-format":"PASCAL VOC","annotated-by":"human","creation-time":"t","hard-coefficient":0.25}]}"#
        let underscores = #"{"source":"a","inference_loc":"i","hard_coefficient":0.5,"hard_reasons":"3-20","sample_type":0,"source_type":"csv","error_message":"e","annotation":[{"type":"modelarts/object_detection","annotation_loc":"l.xml","annotation_format":"PASCAL VOC","annotated_by":"human","creation_time":"t","hard_coefficient":0.25}]}"#
        let expected = ManifestLine(
            source: "a",
            annotations: [ManifestAnnotation(
                type: .objectDetection, hardCoefficient: 0.25, annotatedBy: "human", creationTime: "t",
                annotationLocation: "l.xml", annotationFormat: "PASCAL VOC"
            )],
            inferenceLocation: "i", hardCoefficient: 0.5, hardReasons: [3, 20], sampleType: 0, sourceType: "csv",
            errorMessage: "e"
        )
        #expect(try ManifestCodec.decodeLine(hyphens, line: 1) == expected)
        #expect(try ManifestCodec.decodeLine(underscores, line: 1) == expected)
    }

    @Test func lastDuplicateKeyWins() throws {
        let line = try ManifestCodec.decodeLine(#"{"source":"a","hard-coefficient":0.1,"hard_coefficient":0.2,"source":"b"}"#, line: 1)
        #expect(line.source == "b" && line.hardCoefficient == 0.2)
    }

    static let usages: [(String, Usage?)] = [
        (#""TRAIN""#, .train), (#""train""#, .train), (#""Eval""#, .eval), (#""TEST""#, .test),
        (#""inference""#, .inference), (#""""#, nil), (#""all""#, nil), (#""ALL""#, nil), ("null", nil),
        (#""TR\u0041IN""#, .train),
    ]

    @Test(arguments: usages)
    func readsUsageInAnyCase(written: String, expected: Usage?) throws {
        #expect(try ManifestCodec.decodeLine(#"{"source":"a","usage":\#(written)}"#, line: 1).usage == expected)
    }

    static let flags: [(String, Bool?)] = [
        (#""true""#, true), (#""TRUE""#, true), (#""1""#, true), ("true", true), ("1", true),
        (#""false""#, false), (#""False""#, false), (#""0""#, false), ("false", false), ("0", false), ("null", nil),
    ]

    @Test(arguments: flags)
    func readsHardFlags(written: String, expected: Bool?) throws {
        let text = #"{"source":"a","hard":\#(written),"annotation":[{"type":"object_detection","annotation-loc":"x","hard":\#(written)}]}"#
        let line = try ManifestCodec.decodeLine(text, line: 1)
        #expect(line.hard == expected)
        #expect(line.annotations.first?.hard == expected)
    }

    @Test func readsNumbersWrittenAsStringsAndReasonArrays() throws {
        let line = try ManifestCodec.decodeLine(
            #"{"source":"a","hard-coefficient":"0.75","hard-reasons":[21,3,20,3],"sample-type":"4"}"#, line: 1
        )
        #expect(line.hardCoefficient == 0.75)
        #expect(line.hardReasons == [3, 20, 21])
        #expect(line.sampleType == 4)
        #expect(try ManifestCodec.decodeLine(#"{"source":"a","hard-reasons":""}"#, line: 1).hardReasons == [])
    }

    @Test func keepsUnknownKeysAndPropertiesAsWritten() throws {
        let text = #"{"source":"a","x":{"k":[1,"2"]},"property":null,"annotation":[{"type":"modelarts/text_entity","id":"E1","property":"[{\"type\":0}]","@modelarts:from":3}]}"#
        let line = try ManifestCodec.decodeLine(text, line: 1)
        #expect(line.extra == ["x": .object(["k": .array([.number(1), .string("2")])])])
        #expect(line.property == .null)
        let entity = try #require(line.annotations.first)
        #expect(entity.type == .textEntity && entity.id == "E1" && entity.name == nil)
        #expect(entity.property == .string(#"[{"type":0}]"#))
        #expect(entity.extra == ["@modelarts:from": .number(3)])
        #expect(try ManifestCodec.decodeLine(ManifestCodec.encodeLine(line), line: 1) == line)
    }

    @Test func recognisesKeysWrittenWithEscapes() throws {
        let line = try ManifestCodec.decodeLine(#"{"sou\u0072ce":"a","hard\u005fcoefficient":0.5,"\u00e9":1}"#, line: 1)
        #expect(line == ManifestLine(source: "a", hardCoefficient: 0.5, extra: ["é": .number(1)]))
    }

    @Test func acceptsBareAndOddlySpelledAnnotationTypes() throws {
        for type in ["image_classification", "MODELARTS/IMAGE_CLASSIFICATION", "modelarts/image-classification", #"modelarts\/image_classification"#] {
            let line = try ManifestCodec.decodeLine(#"{"source":"a","annotation":[{"type":"\#(type)","name":"n"}]}"#, line: 1)
            #expect(line.annotations.first?.type == .imageClassification, "\(type)")
        }
    }

    @Test func emptyOrNullAnnotationMeansUnlabeled() throws {
        #expect(try ManifestCodec.decodeLine(#"{"source":"a","annotation":[]}"#, line: 1).annotations.isEmpty)
        #expect(try ManifestCodec.decodeLine(#"{"source":"a","annotation":null}"#, line: 1).annotations.isEmpty)
        #expect(try ManifestCodec.decodeLine(#"  {"source":"a"}  "#, line: 1) == ManifestLine(source: "a"))
    }

    @Test func acceptsAnyByteCollection() throws {
        let bytes = Array(#"xx{"source":"é"}"#.utf8)
        #expect(try ManifestCodec.decodeLine(bytes[2...], line: 1).source == "é")
        #expect(try ManifestCodec.decodeLine(ManifestRawLine(number: 3, bytes: Array(bytes[2...]))).source == "é")
    }

    static let badLines: [BadLine] = [
        BadLine(#"{"source":"a" "usage":"TRAIN"}"#, field: nil, "column 15: expected ',' or '}' after object member"),
        BadLine(#"{"source":"a","#, field: nil, "column 15: unexpected end of input, expected a string key"),
        BadLine(#"{"source":5,"annotation":[}"#, field: nil, "column 27: unexpected '}', expected a JSON value"),
        BadLine("", field: nil, "column 1: unexpected end of input, expected a JSON value"),
        BadLine(#"["s3://a"]"#, field: nil, "expected a JSON object, got array"),
        BadLine(#""s3://a""#, field: nil, "expected a JSON object, got string \"s3://a\""),
        BadLine(bytes: Array(#"{"source":"a"#.utf8) + [0xFF] + Array(#""}"#.utf8), field: nil, "column 13: invalid UTF-8: unexpected byte 0xFF"),
        BadLine(#"{"usage":"TRAIN"}"#, field: "source", "missing mandatory field"),
        BadLine(#"{"source":5}"#, field: "source", "expected a non-empty string, got number 5"),
        BadLine(#"{"source":""}"#, field: "source", "expected a non-empty string, got string \"\""),
        BadLine(#"{"source":null}"#, field: "source", "expected a non-empty string, got null"),
        BadLine(#"{"source":5,"hard":"x"}"#, field: "source", "expected a non-empty string, got number 5"),
        BadLine(#"{"source":"a","usage":"TRAINING"}"#, field: "usage",
                "unknown usage string \"TRAINING\"; expected TRAIN, EVAL, TEST or INFERENCE (any case)"),
        BadLine(#"{"source":"a","usage":3}"#, field: "usage", "expected a usage string (TRAIN, EVAL, TEST or INFERENCE), got number 3"),
        BadLine(#"{"source":"a","id":7}"#, field: "id", "expected a string, got number 7"),
        BadLine(#"{"source":"a","hard":"yes"}"#, field: "hard",
                "expected true or false (a boolean, \"true\"/\"false\" or \"1\"/\"0\"), got string \"yes\""),
        BadLine(#"{"source":"a","hard-coefficient":1.5}"#, field: "hard-coefficient", "expected a number in [0, 1], got number 1.5"),
        BadLine(#"{"source":"a","hard_coefficient":"high"}"#, field: "hard_coefficient", "expected a number in [0, 1], got string \"high\""),
        BadLine(#"{"source":"a","hard-coefficient":"0x1p-1"}"#, field: "hard-coefficient", "expected a number in [0, 1], got string \"0x1p-1\""),
        BadLine(#"{"source":"a","hard-reasons":"3-31"}"#, field: "hard-reasons", "'31' in '3-31' is not a reason code 0–30"),
        BadLine(#"{"source":"a","hard-reasons":[3,1.5]}"#, field: "hard-reasons", "expected reason codes 0–30, got number 1.5 in the array"),
        BadLine(#"{"source":"a","hard-reasons":3}"#, field: "hard-reasons",
                "expected reason codes as a string like \"3-20-21\" or an array of integers, got number 3"),
        BadLine(#"{"source":"a","sample-type":1.5}"#, field: "sample-type", "expected an integer, got number 1.5"),
        BadLine(#"{"source":"a","error_message":false}"#, field: "error_message", "expected a string, got boolean false"),
        BadLine(#"{"source":"a","annotation":"cat"}"#, field: "annotation", "expected an array of annotation objects, got string \"cat\""),
        BadLine(#"{"source":"a","annotation":[1]}"#, field: "annotation[0]", "expected an annotation object, got number 1"),
        BadLine(#"{"source":"a","annotation":[{"name":"cat"}]}"#, field: "annotation[0].type", "missing mandatory field"),
        BadLine(#"{"source":"a","annotation":[{"type":5}]}"#, field: "annotation[0].type",
                "expected an annotation type such as \"modelarts/image_classification\", got number 5"),
        BadLine(#"{"source":"a","annotation":[{"type":"image_classification","name":"a"},{"type":"x"}]}"#,
                field: "annotation[1].type", "unknown annotation type 'x'"),
        BadLine(#"{"source":"a","annotation":[{"type":"modelarts/image_classification"}]}"#, field: "annotation[0].name",
                "missing mandatory field for modelarts/image_classification"),
        BadLine(#"{"source":"a","annotation":[{"type":"modelarts/image_classification","name":""}]}"#, field: "annotation[0].name",
                "expected a non-empty class name, got string \"\""),
        BadLine(#"{"source":"a","annotation":[{"type":"modelarts/image_classification","name":["cat"]}]}"#, field: "annotation[0].name",
                "expected a string, got array"),
        BadLine(#"{"source":"a","annotation":[{"type":"modelarts/object_detection","annotation-format":"PASCAL VOC"}]}"#,
                field: "annotation[0].annotation-loc", "missing mandatory field for modelarts/object_detection"),
        BadLine(#"{"source":"a","annotation":[{"type":"modelarts/image_segmentation","annotation_loc":{}}]}"#,
                field: "annotation[0].annotation_loc", "expected a string, got object"),
        BadLine(#"{"source":"a","annotation":[{"type":"image_classification","name":"a","confidence":"high"}]}"#,
                field: "annotation[0].confidence", "expected a number in [0, 1], got string \"high\""),
        BadLine(#"{"source":"a","annotation":[{"type":"image_classification","name":"a","confidence":-0.1}]}"#,
                field: "annotation[0].confidence", "expected a number in [0, 1], got number -0.1"),
        BadLine(#"{"source":"a","annotation":[{"type":"image_classification","name":"a","hard_coefficient":2}]}"#,
                field: "annotation[0].hard_coefficient", "expected a number in [0, 1], got number 2"),
    ]

    @Test(arguments: badLines)
    func rejectsBadLinesNamingTheFieldAndWhatWasFound(_ bad: BadLine) {
        let error = #expect(throws: CodecError.self) {
            try ManifestCodec.decodeLine(bad.bytes, line: 12, file: "data.manifest")
        }
        #expect(error?.field == bad.field)
        #expect(error?.message == bad.message)
        #expect(error?.line == 12 && error?.file == "data.manifest")
    }

    @Test func errorsDescribeFileLineAndField() throws {
        let error = try #require(throws: CodecError.self) {
            try ManifestCodec.decodeLine(#"{"source":"a","hard-coefficient":1.5}"#, line: 7, file: "x.manifest")
        }
        #expect(error.description == "x.manifest:7: hard-coefficient: expected a number in [0, 1], got number 1.5")
        let withoutFile = try #require(throws: CodecError.self) { try ManifestCodec.decodeLine("{", line: 3) }
        #expect(withoutFile.description == "3: column 2: unexpected end of input, expected a string key")
    }

    @Test func encodesWithModelArtsSpellingsInStableOrder() {
        let line = ManifestLine(
            source: "s3://b/1.jpg", usage: .train, id: "42",
            annotations: [
                ManifestAnnotation(
                    type: .imageClassification, name: "cat", property: .object(["color": .string("white")]), hard: true,
                    hardCoefficient: 0.8, annotatedBy: "human", creationTime: "2019-01-23 11:30:30", confidence: 1,
                    extra: ["zz": .bool(true), "hard_coefficient": .number(0.1)]
                ),
                ManifestAnnotation(type: .objectDetection, annotationLocation: "./voc/1.xml", annotationFormat: "PASCAL VOC"),
            ],
            inferenceLocation: "out/1.txt", hard: false, hardCoefficient: 0.25, hardReasons: [3, 20, 21], sampleType: 0,
            sourceType: "csv", property: .string("p"), result: "FAILED", errorMessage: "boom", extra: ["a": .null, "usage": .string("x")]
        )
        let expected = #"{"source":"s3://b/1.jpg","id":"42","usage":"TRAIN","sample-type":0,"source-type":"csv","property":"p","annotation":[{"type":"modelarts/image_classification","name":"cat","property":{"color":"white"},"confidence":1,"hard":"true","hard-coefficient":0.8,"annotated-by":"human","creation-time":"2019-01-23 11:30:30","zz":true},{"type":"modelarts/object_detection","annotation-loc":"./voc/1.xml","annotation-format":"PASCAL VOC"}],"inference-loc":"out/1.txt","hard":"false","hard-coefficient":0.25,"hard-reasons":"3-20-21","result":"FAILED","error_message":"boom","a":null}"#
        #expect(ManifestCodec.encodeLine(line) == expected)
        var output = Array("x".utf8)
        ManifestCodec.encodeLine(ManifestLine(source: "a\nb"), into: &output)
        #expect(String(decoding: output, as: UTF8.self) == #"x{"source":"a\u000ab"}"#)
    }

    @Test func randomLinesRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        for number in 1...3000 {
            let line = RandomManifest.line(using: &generator)
            let text = ManifestCodec.encodeLine(line)
            #expect(!text.contains("\n"))
            let decoded = try ManifestCodec.decodeLine(text, line: number)
            #expect(decoded == line, "\(text)")
            #expect(ManifestCodec.encodeLine(decoded) == text)
        }
    }

    @Test func neverCrashesOnMangledLines() {
        var generator = SeededGenerator(seed: 7)
        let seeds = (0..<50).map { _ in Array(ManifestCodec.encodeLine(RandomManifest.line(using: &generator)).utf8) }
        for _ in 0..<20_000 {
            var bytes = seeds.randomElement(using: &generator) ?? []
            for _ in 0..<Int.random(in: 1...3, using: &generator) where !bytes.isEmpty {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...8, using: &generator)))
                default: bytes.insert(contentsOf: Array(#"",:{}[]0"#.utf8).shuffled(using: &generator).prefix(2), at: index)
                }
            }
            if let line = try? ManifestCodec.decodeLine(bytes, line: 1) {
                #expect((try? ManifestCodec.decodeLine(ManifestCodec.encodeLine(line), line: 1)) == line)
            }
        }
    }
}
