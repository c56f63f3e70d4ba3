import Foundation
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowObjectsS3
import WinnowStore
import WinnowStorePostgres
import WinnowStoreSQLite

/// The composition root: the concrete stores the commands run on.
///
/// Metadata in SQLite (`DATA/winnow.sqlite`), or in PostgreSQL with `--database postgres://…` or
/// `WINNOW_DATABASE_URL`; objects in a local folder (`DATA/objects`). Manifests and the files they name
/// are read from local paths and from `s3://`/`obs://` storage configured by the AWS environment
/// variables (``resourceReader()``).
struct WinnowEnvironment {
    let dataDirectory: String
    let store: any MetadataStore
    let services: any ServiceStore
    let tasks: any CollectionTaskStore
    /// Work units of runs handed to `winnow worker` processes.
    let units: any WorkUnitStore
    let objects: any ObjectStore
    let reader: any ResourceReader

    /// Opens (creating if needed) the data folder.
    static func open(_ options: GlobalOptions) throws -> WinnowEnvironment {
        let directory = ResourceLocationPath.absolute(options.resolvedDataDirectory)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CLIError("cannot create the data folder \(directory): \(error.localizedDescription)")
        }
        let store = try openMetadataStore(options, dataDirectory: directory)
        let objects = try LocalFolderObjectStore(root: directory + "/objects")
        return WinnowEnvironment(dataDirectory: directory, store: store, services: store, tasks: store, units: store, objects: objects, reader: resourceReader())
    }

    /// Reads local files, and `s3://`, `s3a://` and `obs://` objects with the credentials, region and
    /// endpoint of `AWS_*` variables (docs/scale.md); without them an object location fails saying so.
    static func resourceReader() -> any ResourceReader {
        S3ResourceReader(environment: ProcessInfo.processInfo.environment, fallback: StandardResourceReader())
    }

    /// Opens `s3://`/`obs://` outputs with the `AWS_*` configuration (docs/scale.md).
    static let outputStores: OutputStoreFactory = { uri in
        let configuration: S3Configuration
        do {
            configuration = try S3Configuration.fromEnvironment(ProcessInfo.processInfo.environment)
        } catch {
            throw CLIError("output \(uri): \(error)")
        }
        return try S3ObjectStore(uri: uri + "/", configuration: configuration)
    }

    /// The metadata store: PostgreSQL when a database URL is given, else SQLite in the data folder.
    /// PostgreSQL is connected and migrated on first use, so a bad URL fails here and an unreachable
    /// server at the first command that reads or writes.
    private static func openMetadataStore(
        _ options: GlobalOptions, dataDirectory: String
    ) throws -> any MetadataStore & ServiceStore & CollectionTaskStore & WorkUnitStore {
        guard let url = options.resolvedDatabaseURL else {
            return try SQLiteMetadataStore(path: dataDirectory + "/winnow.sqlite")
        }
        do {
            return try PostgresMetadataStore(url: url)
        } catch {
            throw CLIError("--database (or WINNOW_DATABASE_URL): \(error.message)")
        }
    }

    /// Batch services on these stores.
    var serviceManager: BatchServiceManager {
        BatchServiceManager(services: services, reader: reader, outputStores: Self.outputStores)
    }

    /// Data collection on these stores.
    var collection: CollectionManager {
        CollectionManager(store: store, services: services, tasks: tasks, reader: reader)
    }

    /// Runs on `winnow worker` processes, with `unitSize` inputs per inference unit and `miningShards`
    /// mining shards.
    func distributed(unitSize: Int = 100, miningShards: Int = 8) -> DistributedRuns {
        var runs = DistributedRuns(store: store, services: services, tasks: tasks, units: units, reader: reader, unitSize: unitSize, miningShards: miningShards)
        runs.outputStores = Self.outputStores
        return runs
    }

    /// The dataset named `name`, or an error saying it does not exist.
    func dataset(named name: String) async throws -> Dataset {
        guard let dataset = try await store.dataset(named: name) else {
            throw CLIError("no dataset named '\(name)' (winnow dataset list shows the datasets)")
        }
        return dataset
    }
}
