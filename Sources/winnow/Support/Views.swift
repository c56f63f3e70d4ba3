import Foundation
import WinnowCore
import WinnowStore

/// A dataset as `--json` prints it (snake_case keys, like the ModelArts APIs).
struct DatasetView: Encodable {
    var id: String
    var name: String
    var labelingType: String
    var description: String
    var createdAt: Date
    var updatedAt: Date
    var statistics: StatisticsView?

    init(_ dataset: Dataset, statistics: DatasetStatistics? = nil) {
        id = dataset.id
        name = dataset.name
        labelingType = dataset.labelingType.rawValue
        description = dataset.description
        createdAt = dataset.createdAt
        updatedAt = dataset.updatedAt
        self.statistics = statistics.map(StatisticsView.init)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, statistics
        case labelingType = "labeling_type"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// Dataset statistics as `--json` prints them.
struct StatisticsView: Encodable {
    var total: Int
    var byState: [String: Int]
    var hard: Int
    var byReason: [ReasonCount]

    struct ReasonCount: Encodable {
        var id: Int
        var alias: String
        var count: Int
    }

    init(_ statistics: DatasetStatistics) {
        total = statistics.total
        byState = Dictionary(uniqueKeysWithValues: statistics.byState.map { ($0.key.rawValue, $0.value) })
        hard = statistics.hard
        byReason = statistics.byReason.keys.sorted().map {
            ReasonCount(id: $0, alias: HardReason.withID($0)?.alias ?? "?", count: statistics.byReason[$0] ?? 0)
        }
    }

    enum CodingKeys: String, CodingKey {
        case total, hard
        case byState = "by_state"
        case byReason = "by_reason"
    }
}

/// A sample as `--json` prints it.
struct SampleView: Encodable {
    var id: String
    var source: String
    var state: String
    var labels: [String]
    var hard: Bool
    var hardCoefficient: Double?
    var hardReasons: [Int]

    init(_ sample: Sample) {
        id = sample.id
        source = sample.source
        state = sample.state.rawValue
        labels = sample.labels.map(\.name)
        hard = sample.isHard
        hardCoefficient = sample.hardExample?.coefficient
        hardReasons = sample.hardExample?.reasons ?? []
    }

    enum CodingKeys: String, CodingKey {
        case id, source, state, labels, hard
        case hardCoefficient = "hard_coefficient"
        case hardReasons = "hard_reasons"
    }
}
