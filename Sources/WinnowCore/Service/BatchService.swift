public import Foundation

/// A model run once over every input file, writing the ModelArts output layout.
public struct BatchService: Sendable, Hashable, Codable, Identifiable {
    /// Where the inputs come from.
    public enum Input: Sendable, Hashable, Codable {
        /// Every image below a folder (jpg, jpeg, png, bmp, webp), recursively, in a stable order.
        case folder(String)
        /// The `source` lines of a manifest.
        case manifest(String)

        /// The path, whichever kind.
        public var path: String {
            switch self {
            case .folder(let path), .manifest(let path): path
            }
        }
    }

    public var id: String
    public var name: String
    /// The registered model's name; empty for a service imported from existing output.
    public var modelName: String
    /// What the model predicts: the type its answers are read as.
    public var modelType: LabelingType
    public var input: Input
    /// The output folder (empty when deployed).
    public var output: String
    /// Requests in flight at once.
    public var instances: Int
    /// Per-request timeout in seconds.
    public var timeoutSeconds: Double
    /// Output manifests are split past this many lines.
    public var manifestLineLimit: Int
    public var status: ServiceStatus
    /// The run's id, in output names: `infer-result-{runID}.manifest`.
    public var runID: String
    public var progress: Progress
    /// Why the service failed.
    public var error: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// When the process running the service last said it was alive.
    public var heartbeatAt: Date?
    /// The process running the service, as `host:pid`, and the model server it started (pid), so that
    /// a run whose process was killed can be taken over at once and its orphaned model server stopped.
    public var runner: String?
    public var modelServerPID: Int32?
    /// Hard-example filtering, when configured.
    public var hardExamples: HardExampleFilter?

    /// Counts of a run.
    public struct Progress: Sendable, Hashable, Codable {
        /// Inputs answered successfully.
        public var succeeded: Int
        /// Inputs that ended as `FAILED` lines.
        public var failed: Int
        /// Inputs in all.
        public var total: Int
        /// Requests sent to the model, retries included.
        public var invocations: Int
        /// Requests that failed (errors, timeouts, retried or not).
        public var failedInvocations: Int

        public init(succeeded: Int = 0, failed: Int = 0, total: Int = 0, invocations: Int = 0, failedInvocations: Int = 0) {
            self.succeeded = succeeded
            self.failed = failed
            self.total = total
            self.invocations = invocations
            self.failedInvocations = failedInvocations
        }

        /// Inputs done, either way.
        public var done: Int { succeeded + failed }
    }

    public init(
        id: String = Identifier.make(), name: String, modelName: String, modelType: LabelingType, input: Input, output: String, instances: Int = 4,
        timeoutSeconds: Double = 60, manifestLineLimit: Int = 100_000, status: ServiceStatus = .deploying,
        runID: String = Identifier.make(), progress: Progress = Progress(), error: String? = nil,
        createdAt: Date = Date(), startedAt: Date? = nil, finishedAt: Date? = nil, heartbeatAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.modelName = modelName
        self.modelType = modelType
        self.input = input
        self.output = output
        self.instances = instances
        self.timeoutSeconds = timeoutSeconds
        self.manifestLineLimit = manifestLineLimit
        self.status = status
        self.runID = runID
        self.progress = progress
        self.error = error
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.heartbeatAt = heartbeatAt
    }
}
