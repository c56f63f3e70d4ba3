import Foundation
import WinnowCore
import WinnowImaging

/// A small, self-made batch output in the ModelArts layout: textured grey images (one of them dark),
/// the model's answers, a FAILED line, and a training manifest of similar images — so mining tests need
/// nothing from ../shared.
struct MiningBatchFixture {
    let root: String
    var output: String { root + "/output" }
    var trainingManifest: String { root + "/train/train.manifest" }
    /// The batch position of the dark image.
    let darkIndex = 5
    /// The batch position of the FAILED line.
    let failedIndex = 7
    /// The batch position whose answer is unsure (margin 0.02).
    let unsureIndex = 2
    let count = 12

    init(detection: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-mining-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/output/infer-result", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/input", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/train", withIntermediateDirectories: true)
        var lines: [String] = []
        for index in 0..<count {
            let name = String(format: "img%02d.png", index)
            let brightness = index == darkIndex ? 12 : 150 + (index % 4) * 10
            try Self.writeImage(root + "/input/" + name, base: brightness, seed: index)
            if index == failedIndex {
                lines.append(#"{"source": "../input/\#(name)", "result": "FAILED", "error_message": "cannot identify image file"}"#)
                continue
            }
            let answer: String
            if detection {
                answer = #"{"detection_classes": ["face"], "detection_boxes": [[4, 4, 20, 24]], "detection_scores": [\#(index == unsureIndex ? 0.35 : 0.95)]}"#
            } else {
                let top = index == unsureIndex ? 0.50 : 0.96
                let label = index % 2 == 0 ? "cat" : "dog"
                let other = label == "cat" ? "dog" : "cat"
                answer = #"{"predicted_label": "\#(label)", "scores": [["\#(label)", "\#(top)"], ["\#(other)", "\#(1 - top - 0.01)"]]}"#
            }
            try Data(answer.utf8).write(to: URL(fileURLWithPath: root + "/output/infer-result/" + name + "_result.txt"))
            lines.append(#"{"source": "../input/\#(name)", "result": "SUCCESSFUL", "inference-loc": "infer-result/\#(name)_result.txt"}"#)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: root + "/output/infer-result-test01.manifest"))

        var training: [String] = []
        for index in 0..<40 {
            let name = String(format: "t%02d.png", index)
            try Self.writeImage(root + "/train/" + name, base: 140 + (index % 5) * 10, seed: 100 + index)
            if detection {
                let voc = """
                    <annotation><folder>train</folder><filename>\(name)</filename><source><database>Unknown</database></source><size><width>32</width><height>32</height><depth>1</depth></size>\
                    <segmented>0</segmented><object><name>face</name><pose>Unspecified</pose><truncated>0</truncated><occluded>0</occluded>\
                    <difficult>0</difficult><bndbox><xmin>4</xmin><ymin>4</ymin><xmax>24</xmax><ymax>20</ymax></bndbox></object></annotation>
                    """
                try Data(voc.utf8).write(to: URL(fileURLWithPath: root + "/train/" + name + ".xml"))
                training.append(#"{"source": "\#(name)", "annotation": [{"type": "modelarts/object_detection", "annotation-loc": "\#(name).xml", "annotation-format": "PASCAL VOC"}]}"#)
            } else {
                training.append(#"{"source": "\#(name)", "annotation": [{"type": "modelarts/image_classification", "name": "\#(index % 2 == 0 ? "cat" : "dog")"}]}"#)
            }
        }
        try Data((training.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: trainingManifest))
    }

    /// A 32×32 grey image around `base` with a seeded texture, so sharpness and embeddings are not degenerate.
    static func writeImage(_ path: String, base: Int, seed: Int) throws {
        var state = UInt64(seed &+ 1) &* 0x9E37_79B9_7F4A_7C15
        let raster = RasterImage(width: 32, height: 32, layout: .gray) { x, y in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Int((state >> 59) & 0xF) - 8
            let pattern = ((x / 4 + y / 4) % 2 == 0) ? 12 : -12
            return [UInt8(clamping: base + pattern + noise)]
        }
        try Data(try PNGEncoder().encode(raster)).write(to: URL(fileURLWithPath: path))
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
