import Testing
import WinnowCore

@Suite struct SampleScoresJSONTests {
    @Test func classificationRecordRoundTripsExactly() throws {
        let sample = MiningSample(
            index: 12, source: "img/b0012 \"x\".png", outcome: .prediction(MiningFixtures.classification([("7", 0.61), ("1", 0.3), ("9", 0.09)])),
            imageFeatures: ImageFeatures(width: 28, height: 28, brightness: 0.13, saturation: 0, colorfulness: 0, sharpness: 1234.5),
            embedding: [0.1, -2.5e-7, 3], augmentedPredictions: [.invert: MiningFixtures.classification([("1", 0.8), ("7", 0.2)])], captureTime: 1_700_000_000.25)
        let record = MiningPhase1(configuration: MiningConfiguration()).score(sample)
        #expect(record.classification != nil && record.imageFeatures != nil && record.embedding != nil && record.augmentations.count == 1)
        let line = record.jsonLine()
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix("{\"a\":"))
        #expect(line.contains("\"v\":1"))
        let decoded = try SampleScores(jsonLine: Array(line.utf8))
        #expect(decoded == record)
    }

    @Test func detectionRecordRoundTripsExactly() throws {
        let objects = [
            MiningFixtures.box("car", 10, 20, 110, 80, score: 0.92), MiningFixtures.box("car", 100, 20, 180, 90, score: 0.41),
            MiningFixtures.box("person", 0, 0, 5, 5, score: 0.1),
        ]
        let sample = MiningSample(
            index: 3, source: "f.jpg", outcome: .prediction(MiningFixtures.detection(objects)), imageSize: ImageSize(width: 640, height: 480),
            boxPixels: [BoxPixelFeatures(brightness: 0.5, sharpness: 80), nil, BoxPixelFeatures(brightness: 0.1, sharpness: 1)],
            augmentedPredictions: [.crop: MiningFixtures.detection(Array(objects.prefix(1)))])
        let record = MiningPhase1(configuration: MiningConfiguration()).score(sample)
        #expect(record.boxes?.count == 2)
        #expect(record.boxes?.boxes.first?.brightness == 0.5 && record.boxes?.boxes.last?.brightness == nil)
        #expect(record.objects.count == 2)
        #expect(record.label == "car")
        let decoded = try SampleScores(jsonLine: Array(record.jsonLine().utf8))
        #expect(decoded == record)
    }

    @Test func failureRecordRoundTrips() throws {
        let record = MiningPhase1().score(MiningSample(index: 1, source: "x.png", outcome: .failure("cannot identify image file")))
        #expect(try SampleScores(jsonLine: Array(record.jsonLine().utf8)) == record)
        #expect(record.jsonLine() == #"{"f":"cannot identify image file","i":1,"s":"x.png","v":1}"#)
    }

    @Test(arguments: [
        (#"{"v":2,"i":1,"s":"x"}"#, "v"),
        (#"{"v":1,"s":"x"}"#, "i"),
        (#"{"v":1,"i":1,"s":"x","c":[1,2]}"#, "c"),
        (#"{"v":1,"i":1,"s":"x","t":"q"}"#, "t"),
        (#"{"v":1,"i":1,"s":"x","a":[{"k":"spin","x":true,"sc":1}]}"#, "a[0].k"),
        (#"[1]"#, nil),
    ])
    func badRecordsAreRejectedNamingTheField(line: String, field: String?) {
        do {
            _ = try SampleScores(jsonLine: Array(line.utf8))
            Issue.record("accepted \(line)")
        } catch {
            #expect(error.field == field)
        }
    }

    @Test func notANumberIsWrittenAsNullAndReadBack() throws {
        var record = SampleScores(index: 0, source: "x", task: .classification, label: "a")
        record.classification = ClassificationConfidence(top: .nan, second: 0, normalizedEntropy: 1, classCount: 2, listedCount: 0, topLabel: nil)
        let decoded = try SampleScores(jsonLine: Array(record.jsonLine().utf8))
        #expect(decoded.classification?.top.isNaN == true)
    }
}
