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

/// `PUT /v1/services/{name}/collection/filter`, and `hard_examples` of a deployment.
struct FilterBody: RequestBody {
    /// Default: the service's model type.
    var modelType: String?
    var trainingManifest: String?
    /// An existing dataset.
    var dataset: String?
    /// A dataset to create.
    var newDataset: String?

    static let fields: Set<String> = ["model_type", "training_manifest", "dataset", "new_dataset"]
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
