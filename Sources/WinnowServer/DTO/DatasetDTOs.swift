import Foundation
import WinnowCore
import WinnowStore

/// A dataset, with its statistics when shown alone.
struct DatasetDTO: Codable, Sendable {
    struct ReasonCount: Codable, Sendable {
        var id: Int
        var alias: String
        var count: Int
    }

    struct StatisticsDTO: Codable, Sendable {
        var total: Int
        var byState: [String: Int]
        var hard: Int
        var byReason: [ReasonCount]

        init(_ statistics: DatasetStatistics) {
            total = statistics.total
            byState = Dictionary(uniqueKeysWithValues: statistics.byState.map { ($0.key.rawValue, $0.value) })
            hard = statistics.hard
            byReason = statistics.byReason.keys.sorted().map {
                ReasonCount(id: $0, alias: HardReason.withID($0)?.alias ?? "?", count: statistics.byReason[$0] ?? 0)
            }
        }
    }

    var id: String
    var name: String
    var labelingType: String
    var description: String
    var createdAt: Date
    var updatedAt: Date
    var statistics: StatisticsDTO?

    init(_ dataset: Dataset, statistics: DatasetStatistics? = nil) {
        id = dataset.id
        name = dataset.name
        labelingType = dataset.labelingType.rawValue
        description = dataset.description
        createdAt = dataset.createdAt
        updatedAt = dataset.updatedAt
        self.statistics = statistics.map(StatisticsDTO.init)
    }
}

/// A label: a class, with a box for detection.
struct LabelDTO: Codable, Sendable {
    struct Box: Codable, Sendable, Hashable {
        var xmin: Double
        var ymin: Double
        var xmax: Double
        var ymax: Double
    }

    var name: String
    var type: String
    /// The VOC shape kind (`bndbox`, `polygon`, …) for detection labels.
    var shape: String?
    /// The shape's bounding box.
    var box: Box?
    var confidence: Double?
    var annotatedBy: String
    /// Whether a person made or confirmed the label.
    var confirmed: Bool

    init(_ label: Label) {
        name = label.name
        type = label.type.rawValue
        shape = label.shape?.kind
        box = label.shape.map { let b = $0.boundingBox; return Box(xmin: b.xmin, ymin: b.ymin, xmax: b.xmax, ymax: b.ymax) }
        confidence = label.confidence
        annotatedBy = label.annotatedBy ?? "human"
        confirmed = label.isConfirmed
    }
}

/// A sample in a list.
struct SampleDTO: Codable, Sendable {
    struct Size: Codable, Sendable {
        var width: Int
        var height: Int
    }

    var id: String
    var datasetId: String
    var source: String
    var state: String
    var labels: [LabelDTO]
    var hard: Bool
    var hardCoefficient: Double?
    var hardReasons: [Int]
    var imageSize: Size?
    var createdAt: Date
    var updatedAt: Date

    init(_ sample: Sample) {
        id = sample.id
        datasetId = sample.datasetID
        source = sample.source
        state = sample.state.rawValue
        labels = sample.labels.map(LabelDTO.init)
        hard = sample.isHard
        hardCoefficient = sample.hardExample?.coefficient
        hardReasons = sample.hardExample?.reasons ?? []
        imageSize = sample.imageSize.map { Size(width: $0.width, height: $0.height) }
        createdAt = sample.createdAt
        updatedAt = sample.updatedAt
    }
}

/// One reason a sample was picked: the measured value against the reference, and what to do.
struct ReasonDetailDTO: Codable, Sendable {
    var reason: Int
    var alias: String
    var description: String
    var score: Double?
    var measured: Double?
    var reference: String?
    var suggestion: String

    init(_ detail: HardReasonDetail) {
        let known = HardReason.withID(detail.reason)
        reason = detail.reason
        alias = known?.alias ?? "?"
        description = known?.description ?? ""
        score = detail.score
        measured = detail.measured
        reference = detail.reference
        suggestion = detail.suggestion ?? known?.suggestion ?? ""
    }

    /// A reason recorded without details: its catalogue entry.
    init(reason: Int) {
        self.init(HardReasonDetail(reason: reason))
    }
}

/// A sample in full.
struct SampleDetailDTO: Codable, Sendable {
    var sample: SampleDTO
    var usage: String?
    var inferenceLocation: String?
    /// Every reason, with its details when recorded.
    var reasons: [ReasonDetailDTO]

    init(_ sample: Sample) {
        self.sample = SampleDTO(sample)
        usage = sample.usage?.rawValue
        inferenceLocation = sample.inferenceLocation
        reasons = Self.reasons(of: sample)
    }

    static func reasons(of sample: Sample) -> [ReasonDetailDTO] {
        guard let info = sample.hardExample else { return [] }
        var details = info.details.map(ReasonDetailDTO.init)
        for reason in info.reasons where !info.details.contains(where: { $0.reason == reason }) {
            details.append(ReasonDetailDTO(reason: reason))
        }
        return details.sorted { $0.reason < $1.reason }
    }
}

/// A page of samples: `next_cursor` continues a cursor listing; `total` counts every match.
struct SamplePageDTO: Codable, Sendable {
    var samples: [SampleDTO]
    var total: Int
    var limit: Int
    var offset: Int
    var nextCursor: String?
}

/// What an export wrote.
struct ExportDTO: Codable, Sendable {
    var path: String
    var samples: Int
    var annotationFiles: Int
    var annotationFolder: String?
}

/// What an import did.
struct ImportDTO: Codable, Sendable {
    var lines: Int
    var inserted: Int
    var replaced: Int
    var skipped: Int
    var invalidLines: Int
}

/// Samples changed by a review call.
struct ReviewDTO: Codable, Sendable {
    var updated: Int
    var samples: [SampleDTO]
}
