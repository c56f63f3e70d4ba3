public import Foundation
public import WinnowCore

/// Builders of datasets and samples with every field set, for conformance checks and tests.
public enum ConformanceFixtures {
    /// A fixed date, exactly representable in every backend.
    public static let epoch = Date(timeIntervalSinceReferenceDate: 815_000_000.25)

    /// A dataset named `name`.
    public static func dataset(_ name: String, type: LabelingType = .objectDetection) -> Dataset {
        Dataset(name: name, labelingType: type, description: "conformance \(name)", createdAt: epoch)
    }

    /// A detection sample with every field set: shapes of each kind, parts, properties, hard details.
    public static func richSample(datasetID: String, source: String, coefficient: Double = 0.8, reasons: [Int] = [1, 14, 30]) -> Sample {
        let labels = [
            Label(type: .objectDetection, name: "person", shape: .bndbox(xmin: 1, ymin: 2, xmax: 30.5, ymax: 40),
                  confidence: 0.91, annotatedBy: "human", creationTime: "2026-11-28 12:00:00",
                  properties: .object(["color": .string("red"), "颜色": .string("红色")]), pose: "Unspecified",
                  truncated: true, occluded: false, difficult: true, hard: true, hardCoefficient: 0.5,
                  parts: [LabelPart(name: "head", confidence: 0.7, shape: .bndbox(xmin: 2, ymin: 3, xmax: 9, ymax: 10))]),
            Label(type: .objectDetection, name: "road", shape: .polygon([Point(x: 0, y: 0), Point(x: 5, y: 0), Point(x: 5, y: 5)])),
            Label(type: .objectDetection, name: "ball", shape: .circle(center: Point(x: 3, y: 4), radius: 2.5)),
            Label(type: .objectDetection, name: "lane", shape: .polyline([Point(x: 0, y: 1), Point(x: 2, y: 3)])),
            Label(type: .objectDetection, name: "edge", shape: .dashed(Point(x: 0, y: 1), Point(x: 2, y: 3))),
            Label(type: .objectDetection, name: "wire", shape: .line(Point(x: 0, y: 1), Point(x: 2, y: 3))),
            Label(type: .objectDetection, name: "dot", shape: .point(Point(x: 7, y: 8))),
        ]
        let details = reasons.map {
            HardReasonDetail(reason: $0, score: 0.6, measured: 0.31, reference: "training p1–p99: 0.40–0.95", suggestion: HardReason.withID($0)?.suggestion)
        }
        return Sample(
            datasetID: datasetID, source: source, state: .toBeConfirmed, labels: labels, usage: .inference,
            imageSize: ImageSize(width: 640, height: 480, depth: 3),
            hardExample: HardExampleInfo(isHard: true, coefficient: coefficient, reasons: reasons, details: details),
            inferenceLocation: "/out/infer-result/a.jpg_result.txt", createdAt: epoch, updatedAt: epoch.addingTimeInterval(1)
        )
    }

    /// A plain classification sample.
    public static func sample(
        datasetID: String, source: String, state: SampleState = .unlabeled, label: String? = nil,
        hard: Bool = false, coefficient: Double? = nil, reasons: [Int] = [], createdAt: Date = epoch
    ) -> Sample {
        Sample(
            datasetID: datasetID, source: source, state: state,
            labels: label.map { [Label(type: .imageClassification, name: $0)] } ?? [],
            hardExample: hard || coefficient != nil ? HardExampleInfo(isHard: hard, coefficient: coefficient, reasons: reasons) : nil,
            createdAt: createdAt
        )
    }
}
