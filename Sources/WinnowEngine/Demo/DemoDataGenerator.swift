import Foundation
import WinnowCore
import WinnowObjects

/// Writes a small, real sample data set: BMP images, a classification manifest and a detection
/// manifest with PASCAL VOC files, in the layouts ModelArts uses. Deterministic: the same files every time.
public enum DemoDataGenerator {
    /// What was written.
    public struct Output: Sendable, Hashable {
        public var classificationManifest: String
        public var detectionManifest: String
        public var brokenManifest: String
        public var images: Int
    }

    /// Writes the data set under `directory` (created if needed), replacing earlier demo files.
    public static func write(to directory: String) throws -> Output {
        let root = ResourceLocationPath.absolute(directory)
        var images = 0
        var generator = SplitMix64(seed: 42)

        // Classification: 24 images of two classes, bright squares ("light") and dark squares ("dark").
        var classification: [String] = []
        for index in 0..<24 {
            let light = index % 2 == 0
            let base = UInt8(light ? 200 + generator.next() % 40 : 20 + generator.next() % 40)
            var image = BMPEncoder.Image(width: 32, height: 32, fill: (base, base, base))
            image.fillRect(x: 8, y: 8, width: 16, height: 16, color: (light ? 255 : 0, 120, light ? 0 : 255))
            let name = String(format: "images/classification/c%02d.bmp", index)
            try LocalFiles.writeAtomically(BMPEncoder.encode(image), to: root + "/" + name)
            images += 1
            let className = light ? "light" : "dark"
            var line = ManifestLine(source: "./" + name, usage: .train)
            switch index {
            case 0..<14:
                line.annotations = [ManifestAnnotation(type: .imageClassification, name: className, annotatedBy: "human", creationTime: "2026-11-28 12:00:00")]
            case 14..<18:
                line.usage = .inference
                line.annotations = [ManifestAnnotation(type: .imageClassification, name: className, annotatedBy: "modelarts/active-learning", confidence: 0.55 + Double(index - 14) / 20)]
            case 18..<20:
                line.usage = .inference
                line.hard = true
                line.hardCoefficient = 0.9 - Double(index - 18) / 10
                line.hardReasons = index == 18 ? [1, 7] : [30]
            default:
                line.usage = .inference
            }
            classification.append(ManifestCodec.encodeLine(line))
        }

        // Detection: 8 images with one to three coloured boxes, and their VOC files.
        var detection: [String] = []
        for index in 0..<8 {
            var image = BMPEncoder.Image(width: 64, height: 48, fill: (40, 90, 40))
            var objects: [VOCObject] = []
            for box in 0..<(1 + index % 3) {
                let x = Int(generator.next() % 40), y = Int(generator.next() % 28)
                let w = 8 + Int(generator.next() % 16), h = 8 + Int(generator.next() % 12)
                image.fillRect(x: x, y: y, width: w, height: h, color: box % 2 == 0 ? (230, 200, 40) : (200, 40, 40))
                objects.append(VOCObject(
                    name: box % 2 == 0 ? "sign" : "light",
                    shape: .bndbox(xmin: Double(x), ymin: Double(y), xmax: Double(min(63, x + w - 1)), ymax: Double(min(47, y + h - 1)))))
            }
            if index == 7 {
                objects.append(VOCObject(name: "road", shape: .polygon([Point(x: 0, y: 47), Point(x: 30, y: 30), Point(x: 63, y: 47)])))
            }
            let imageName = String(format: "d%02d.bmp", index)
            try LocalFiles.writeAtomically(BMPEncoder.encode(image), to: root + "/images/detection/" + imageName)
            images += 1
            let voc = VOCAnnotation(folder: "detection", filename: imageName, size: ImageSize(width: 64, height: 48, depth: 3), objects: objects)
            let xmlName = String(format: "annotations/d%02d.xml", index)
            try LocalFiles.writeAtomically(Array(VOCCodec.encode(voc).utf8), to: root + "/" + xmlName)
            let line = ManifestLine(
                source: "./images/detection/" + imageName, usage: .train,
                annotations: index < 6
                    ? [ManifestAnnotation(type: .objectDetection, annotatedBy: "human", creationTime: "2026-11-28 12:00:00", annotationLocation: "./" + xmlName, annotationFormat: "PASCAL VOC")]
                    : [])
            detection.append(ManifestCodec.encodeLine(line))
        }

        // A manifest with typical mistakes, to see what `winnow validate` reports.
        let broken = [
            #"{"source":"./images/classification/c00.bmp","annotation":[{"type":"modelarts/image_classification","name":"light"}]}"#,
            #"{"source":"./images/classification/c01.bmp","annotation":[{"type":"modelarts/image_classification"}]}"#,
            #"{"annotation":[]}"#,
            #"{"source":"./images/detection/d00.bmp","annotation":[{"type":"modelarts/object_detection","annotation-loc":"./annotations/missing.xml"}]}"#,
            #"{"source":"./images/classification/c02.bmp","hard-coefficient":1.5}"#,
            #"{"source":"./images/classification/c03.bmp", "usage": "TRAIN""#,
        ]
        let output = Output(
            classificationManifest: root + "/classification.manifest", detectionManifest: root + "/detection.manifest",
            brokenManifest: root + "/broken/broken.manifest", images: images)
        try LocalFiles.writeAtomically(Array((classification.joined(separator: "\n") + "\n").utf8), to: output.classificationManifest)
        try LocalFiles.writeAtomically(Array((detection.joined(separator: "\n") + "\n").utf8), to: output.detectionManifest)
        try LocalFiles.writeAtomically(Array((broken.joined(separator: "\n") + "\n").utf8), to: output.brokenManifest)
        return output
    }
}

/// A small deterministic random generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
