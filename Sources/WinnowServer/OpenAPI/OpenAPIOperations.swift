/// One operation of the API as the OpenAPI document describes it. The list is written by hand; a test
/// checks it against the routes the router registered, so the two cannot drift apart.
struct OpenAPIOperation: Sendable {
    enum Parameter: Sendable {
        case path(String, String)
        case query(String, String, type: String)
    }

    var method: String
    var path: String
    var tag: String
    var summary: String
    var parameters: [Parameter] = []
    /// Schema name of the JSON body, if any.
    var body: String?
    /// Status and schema name (`nil`: no body).
    var responses: [(Int, String?)]
}

extension OpenAPIOperation {
    static let name = Parameter.path("name", "The name (datasets: name or id).")
    static let id = Parameter.path("id", "The id.")

    static let sampleFilters: [Parameter] = [
        .query("state", "unlabeled, labeled or to_be_confirmed", type: "string"),
        .query("hard", "true: hard samples only; false: samples not flagged hard", type: "boolean"),
        .query("reason", "Hard-example reason code 0–30", type: "integer"),
        .query("min_coefficient", "Lowest hard coefficient, 0–1", type: "number"),
        .query("max_coefficient", "Highest hard coefficient, 0–1", type: "number"),
        .query("label", "Samples with a label of this class", type: "string"),
        .query("sort", "id (default), source, coefficient, created_at", type: "string"),
        .query("order", "asc or desc (coefficient defaults to desc)", type: "string"),
        .query("limit", "1–500, default 50", type: "integer"),
        .query("offset", "Samples to skip", type: "integer"),
        .query("cursor", "next_cursor of the previous page (id order only)", type: "string"),
    ]

    /// Every operation under `/v1`.
    static let all: [OpenAPIOperation] = [
        .init(method: "post", path: "/v1/models", tag: "models", summary: "Register a model from its JSON spec (docs/model-contract.md)",
              parameters: [.query("directory", "Folder a command-endpoint model runs in (absolute)", type: "string"),
                           .query("replace", "Replace a model of the same name", type: "boolean")],
              body: "ModelSpec", responses: [(201, "Model"), (400, "Error"), (409, "Error")]),
        .init(method: "get", path: "/v1/models", tag: "models", summary: "List registered models", responses: [(200, "ModelList")]),
        .init(method: "get", path: "/v1/models/{name}", tag: "models", summary: "Show a model", parameters: [name], responses: [(200, "Model"), (404, "Error")]),
        .init(method: "delete", path: "/v1/models/{name}", tag: "models", summary: "Delete a model no service uses", parameters: [name],
              responses: [(204, nil), (404, "Error"), (409, "Error")]),

        .init(method: "post", path: "/v1/services", tag: "services", summary: "Deploy a batch service; it runs in the background",
              body: "DeployRequest", responses: [(201, "Service"), (400, "Error"), (404, "Error"), (409, "Error")]),
        .init(method: "get", path: "/v1/services", tag: "services", summary: "List batch services", responses: [(200, "ServiceList")]),
        .init(method: "post", path: "/v1/services/import-output", tag: "services", summary: "Register a finished service from existing ModelArts-layout output",
              body: "ImportOutputRequest", responses: [(201, "Service"), (400, "Error"), (409, "Error")]),
        .init(method: "get", path: "/v1/services/{name}", tag: "services", summary: "Show a service with its status and progress", parameters: [name],
              responses: [(200, "Service"), (404, "Error")]),
        .init(method: "delete", path: "/v1/services/{name}", tag: "services", summary: "Delete a service that is not running",
              parameters: [name, .query("remove_output", "Also delete the output folder", type: "boolean")], responses: [(204, nil), (404, "Error"), (409, "Error")]),
        .init(method: "post", path: "/v1/services/{name}/start", tag: "services", summary: "Start (resume) a deployed, stopped or failed service",
              parameters: [name], responses: [(202, "Service"), (404, "Error"), (409, "Error")]),
        .init(method: "post", path: "/v1/services/{name}/stop", tag: "services", summary: "Stop a running service", parameters: [name],
              responses: [(200, "Service"), (404, "Error"), (409, "Error")]),
        .init(method: "post", path: "/v1/services/{name}/restart", tag: "services", summary: "Run a service again from scratch", parameters: [name],
              responses: [(202, "Service"), (404, "Error"), (409, "Error")]),

        .init(method: "post", path: "/v1/services/{name}/collection/sync", tag: "collection", summary: "Sync the service's input data to a dataset (queued task)",
              parameters: [name], body: "SyncRequest", responses: [(202, "Task"), (400, "Error"), (404, "Error"), (409, "Error")]),
        .init(method: "put", path: "/v1/services/{name}/collection/filter", tag: "collection", summary: "Switch hard-example filtering on, with its parameters",
              parameters: [name], body: "FilterRequest", responses: [(200, "FilterConfigured"), (400, "Error"), (404, "Error"), (409, "Error")]),
        .init(method: "delete", path: "/v1/services/{name}/collection/filter", tag: "collection", summary: "Switch hard-example filtering off",
              parameters: [name], responses: [(200, "Service"), (404, "Error"), (409, "Error")]),
        .init(method: "get", path: "/v1/services/{name}/collection/tasks", tag: "collection", summary: "The service's collection tasks, newest first",
              parameters: [name], responses: [(200, "TaskList"), (404, "Error")]),
        .init(method: "get", path: "/v1/tasks/{id}", tag: "collection", summary: "Show a collection task", parameters: [id], responses: [(200, "Task"), (404, "Error")]),
        .init(method: "get", path: "/v1/tasks/{id}/report.html", tag: "collection",
              summary: "A filter task's hard-example report: one self-contained HTML page (charts, thumbnails, reasons)",
              parameters: [id, .query("top", "Hardest examples shown, 0–500 (default 50)", type: "integer")],
              responses: [(200, "HTML"), (400, "Error"), (404, "Error"), (409, "Error")]),
        .init(method: "post", path: "/v1/tasks/{id}/retry", tag: "collection", summary: "Run a failed collection task again", parameters: [id],
              responses: [(202, "Task"), (404, "Error"), (409, "Error")]),

        .init(method: "post", path: "/v1/datasets", tag: "datasets", summary: "Create a dataset", body: "CreateDatasetRequest",
              responses: [(201, "Dataset"), (400, "Error"), (409, "Error")]),
        .init(method: "get", path: "/v1/datasets", tag: "datasets", summary: "List datasets", responses: [(200, "DatasetList")]),
        .init(method: "get", path: "/v1/datasets/{name}", tag: "datasets", summary: "Show a dataset with counts by state and by reason",
              parameters: [name], responses: [(200, "Dataset"), (404, "Error")]),
        .init(method: "delete", path: "/v1/datasets/{name}", tag: "datasets",
              summary: "Delete a dataset and its samples (409 while a service's hard-example filtering writes into it, unless force)",
              parameters: [name, .query("force", "true: also when a service's filtering writes into it; that filtering is switched off", type: "boolean")],
              responses: [(204, nil), (404, "Error"), (409, "Error")]),
        .init(method: "post", path: "/v1/datasets/{name}/export", tag: "datasets", summary: "Export a manifest (and VOC files) to a server-side path",
              parameters: [name], body: "ExportRequest", responses: [(200, "Export"), (400, "Error"), (404, "Error")]),
        .init(method: "post", path: "/v1/datasets/{name}/import", tag: "datasets", summary: "Import a server-side manifest, all or nothing",
              parameters: [name], body: "ImportRequest", responses: [(200, "Import"), (400, "Error"), (404, "Error")]),

        .init(method: "get", path: "/v1/datasets/{name}/charts/{chart}", tag: "datasets",
              summary: "A chart as SVG: reasons (hard examples by reason), coefficients (histogram), features (batch against training set, from the latest filter task)",
              parameters: [name, .path("chart", "reasons, coefficients or features (.svg may follow)")],
              responses: [(200, "SVG"), (400, "Error"), (404, "Error")]),
        .init(method: "get", path: "/v1/datasets/{name}/samples", tag: "samples", summary: "List a dataset's samples with filters, sorting and pages",
              parameters: [name] + sampleFilters, responses: [(200, "SamplePage"), (400, "Error"), (404, "Error")]),
        .init(method: "post", path: "/v1/datasets/{name}/samples/confirm", tag: "samples", summary: "Confirm several samples at once",
              parameters: [name], body: "BatchConfirmRequest", responses: [(200, "Review"), (400, "Error"), (404, "Error")]),
        .init(method: "get", path: "/v1/samples/{id}", tag: "samples", summary: "Show a sample with every reason, measured value and suggestion",
              parameters: [id], responses: [(200, "SampleDetail"), (404, "Error")]),
        .init(method: "post", path: "/v1/samples/{id}/confirm", tag: "samples", summary: "Confirm a sample, optionally correcting its label or boxes",
              parameters: [id], body: "ConfirmRequest", responses: [(200, "Review"), (400, "Error"), (404, "Error")]),
        .init(method: "put", path: "/v1/samples/{id}/hard", tag: "samples", summary: "Mark a sample hard", parameters: [id],
              responses: [(200, "SampleDetail"), (404, "Error")]),
        .init(method: "delete", path: "/v1/samples/{id}/hard", tag: "samples", summary: "Clear a sample's hard mark (its reasons stay on record)",
              parameters: [id], responses: [(200, "SampleDetail"), (404, "Error")]),
        .init(method: "get", path: "/v1/samples/{id}/image", tag: "samples", summary: "The sample's image, from a registered folder only",
              parameters: [id], responses: [(200, "Image"), (403, "Error"), (404, "Error")]),
        .init(method: "get", path: "/v1/samples/{id}/thumbnail", tag: "samples",
              summary: "The sample's thumbnail: a JPEG with its detection boxes drawn in; ETag for revalidation",
              parameters: [id, .query("size", "Longer side in pixels, 32–1600 (default 256)", type: "integer"),
                           .query("v", "The sample's revision (updated_at); when given the response may be cached for a day", type: "string")],
              responses: [(200, "Image"), (304, nil), (400, "Error"), (403, "Error"), (404, "Error"), (422, "Error")]),
    ]
}
