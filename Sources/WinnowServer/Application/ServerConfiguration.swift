public import WinnowEngine
public import WinnowObjects
public import WinnowStore

/// The stores and readers the server works on. The server never picks a backend: the caller (the
/// `winnow serve` command, or a test) hands them in.
public struct ServerStores: Sendable {
    /// Datasets and samples.
    public var metadata: any MetadataStore
    /// Models, batch services and their items.
    public var services: any ServiceStore
    /// Data-collection tasks.
    public var tasks: any CollectionTaskStore
    /// Where the server keeps its own small records (the folders datasets were imported from).
    public var objects: any ObjectStore
    /// Reads the files manifests and services name (inputs, results, training manifests).
    public var reader: any ResourceReader
    /// Work units of runs handed to workers; `nil`: every run stays in this process.
    public var units: (any WorkUnitStore)?
    /// Opens `s3://`/`obs://` service outputs; `nil`: such outputs fail saying so.
    public var outputStores: OutputStoreFactory?

    /// - Parameters: the stores, usually one SQLite store for the first three (and `units`).
    public init(
        metadata: any MetadataStore, services: any ServiceStore, tasks: any CollectionTaskStore, objects: any ObjectStore,
        reader: any ResourceReader, units: (any WorkUnitStore)? = nil, outputStores: OutputStoreFactory? = nil
    ) {
        self.outputStores = outputStores
        self.metadata = metadata
        self.services = services
        self.tasks = tasks
        self.objects = objects
        self.reader = reader
        self.units = units
    }

    /// Fresh in-memory stores: nothing survives the process (tests, demos).
    public static func memory() -> ServerStores {
        ServerStores(
            metadata: MemoryMetadataStore(), services: MemoryServiceStore(), tasks: MemoryCollectionTaskStore(),
            objects: MemoryObjectStore(), reader: StandardResourceReader())
    }
}

/// How `winnow serve` runs: address, access token, limits, and the stores.
public struct ServerConfiguration: Sendable {
    /// The address to listen on; `127.0.0.1` unless told otherwise.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// When set, every API call needs `Authorization: Bearer TOKEN` and the console a login.
    public var token: String?
    /// The largest request body accepted (413 `WINNOW.TOO_LARGE` beyond).
    public var maximumBodySize: Int
    /// Folders images may be served from besides the registered ones (service inputs, dataset imports).
    public var extraRoots: [String]
    /// Run deployed services and collection tasks in this process.
    public var runsEngine: Bool
    /// On start, resume services left `running` by a dead process and unfinished collection tasks.
    public var resumesOnStart: Bool
    /// Where everything is kept.
    public var stores: ServerStores
    /// Runs nothing here: deployed and started services, and filtering tasks, are split into work units
    /// for `winnow worker` processes (needs ``ServerStores/units``).
    public var coordinatorOnly = false
    /// Work units this process runs itself at once, for runs handed to workers (0: none). Ignored when
    /// ``coordinatorOnly``.
    public var embeddedWorkers = 1

    /// - Parameters:
    ///   - host: the address to bind, default `127.0.0.1` (this machine only).
    ///   - port: the port, default 8080; 0 picks a free one.
    ///   - token: the access token, or `nil` for no authentication.
    ///   - maximumBodySize: request bodies above this many bytes get 413 (default 1 MiB).
    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, maximumBodySize: Int = 1 << 20, extraRoots: [String] = [],
        runsEngine: Bool = true, resumesOnStart: Bool = true, stores: ServerStores
    ) {
        self.host = host
        self.port = port
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.maximumBodySize = maximumBodySize
        self.extraRoots = extraRoots
        self.runsEngine = runsEngine
        self.resumesOnStart = resumesOnStart
        self.stores = stores
    }
}
