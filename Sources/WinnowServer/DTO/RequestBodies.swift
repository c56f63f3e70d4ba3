import Foundation
import WinnowCore

/// A JSON request body: its keys (snake_case) are checked, so a misspelt key is an error naming it.
protocol RequestBody: Decodable, Sendable {
    static var fields: Set<String> { get }
}

/// `POST /v1/services`
struct DeployBody: RequestBody {
    var name: String
    var model: String
    var input: String
    var output: String
    var instances: Int?
    var timeoutSeconds: Double?
    var manifestLines: Int?
    /// Run at once (default); `false` only deploys.
    var start: Bool?
    /// Hard-example filtering, switched on at deployment.
    var hardExamples: FilterBody?

    static let fields: Set<String> = ["name", "model", "input", "output", "instances", "timeout_seconds", "manifest_lines", "start", "hard_examples"]
}

/// `PUT /v1/services/{name}/collection/filter`, and `hard_examples` of a deployment: where the hard
/// examples go, and the same mining options as the CLI (`winnow collect filter enable`).
struct FilterBody: RequestBody {
    /// Default: the service's model type.
    var modelType: String?
    var trainingManifest: String?
    /// An existing dataset.
    var dataset: String?
    /// A dataset to create.
    var newDataset: String?
    /// Reason codes to run: `"0,1,5-10,30"` or `[0, 1, 5]` (default all 0–30).
    var reasons: ReasonsValue?
    /// Select at most this many hard examples.
    var max: Int?
    /// Select at most this fraction of the scored samples (0–1).
    var maxFraction: Double?
    /// What fills a budget first: `coefficient` or `informativeness` (default: the engine's).
    var ranking: SelectionConfiguration.Ranking?
    /// Skip near-duplicates in embedding space when filling a budget (default false).
    var diversity: Bool?
    /// Seed of every random choice.
    var seed: UInt64?
    /// Every threshold (any subset of the keys `winnow mine --explain` prints); the options above override it.
    var configuration: MiningConfiguration?

    static let fields: Set<String> = [
        "model_type", "training_manifest", "dataset", "new_dataset", "reasons", "max", "max_fraction", "ranking", "diversity", "seed",
        "configuration",
    ]

    /// Whether the body sets any mining option.
    var hasMiningOptions: Bool {
        reasons != nil || max != nil || maxFraction != nil || ranking != nil || diversity != nil || seed != nil || configuration != nil
    }
}

/// Reason codes as a string (`"0,1,5-10"`) or an array of integers.
enum ReasonsValue: Decodable, Sendable {
    case text(String)
    case codes([Int])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let codes = try? container.decode([Int].self) {
            self = .codes(codes)
        } else {
            throw DecodingError.typeMismatch(String.self, DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "expected reason codes as \"0,1,5-10\" or an array of integers"))
        }
    }
}

/// `POST /v1/services/{name}/collection/sync`
struct SyncBody: RequestBody {
    var labelingType: String
    var dataset: String?
    var newDataset: String?

    static let fields: Set<String> = ["labeling_type", "dataset", "new_dataset"]
}

/// `POST /v1/services/import-output`
struct ImportOutputBody: RequestBody {
    var name: String
    var type: String
    var input: String
    var output: String

    static let fields: Set<String> = ["name", "type", "input", "output"]
}

/// `POST /v1/datasets`
struct CreateDatasetBody: RequestBody {
    var name: String
    var labelingType: String
    var description: String?

    static let fields: Set<String> = ["name", "labeling_type", "description"]
}

/// `POST /v1/datasets/{name}/export`
struct ExportBody: RequestBody {
    /// The manifest to write, on the server.
    var path: String
    var state: String?
    var hardOnly: Bool?
    var clearHard: Bool?

    static let fields: Set<String> = ["path", "state", "hard_only", "clear_hard"]
}

/// `POST /v1/datasets/{name}/import`
struct ImportBody: RequestBody {
    /// The manifest to read, on the server.
    var manifest: String
    var skipInvalid: Bool?

    static let fields: Set<String> = ["manifest", "skip_invalid"]
}

/// A detection box in a confirmation.
struct BoxBody: Codable, Sendable {
    var name: String
    var xmin: Double
    var ymin: Double
    var xmax: Double
    var ymax: Double
}

/// `POST /v1/samples/{id}/confirm`: at most one correction.
struct ConfirmBody: RequestBody {
    /// Classification: the correct class.
    var label: String?
    /// Detection: a PASCAL VOC document with the correct boxes.
    var voc: String?
    /// Detection: the correct boxes.
    var boxes: [BoxBody]?
    /// Detection: indices of the current boxes to keep (the others are deleted).
    var keep: [Int]?

    static let fields: Set<String> = ["label", "voc", "boxes", "keep"]
}

/// `POST /v1/datasets/{name}/samples/confirm`
struct BatchConfirmBody: RequestBody {
    var ids: [String]
    /// Classification: one class for all.
    var label: String?

    static let fields: Set<String> = ["ids", "label"]
}
