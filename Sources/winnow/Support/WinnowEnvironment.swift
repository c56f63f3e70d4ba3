import Foundation
import WinnowCore
import WinnowEngine
import WinnowObjects
import WinnowObjectsS3
import WinnowStore
import WinnowStoreSQLite

/// The composition root: the concrete stores the commands run on.
///
/// Today: SQLite in `DATA/winnow.sqlite` and a local object folder in `DATA/objects`. Manifests and the
/// files they name are read from local paths and from `s3://`/`obs://` storage configured by the AWS
/// environment variables (``resourceReader()``).
struct WinnowEnvironment {
    let dataDirectory: String
    let store: any MetadataStore
    let services: any ServiceStore
    let tasks: any CollectionTaskStore
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
        let store = try SQLiteMetadataStore(path: directory + "/winnow.sqlite")
        let objects = try LocalFolderObjectStore(root: directory + "/objects")
        return WinnowEnvironment(dataDirectory: directory, store: store, services: store, tasks: store, objects: objects, reader: resourceReader())
    }

    /// Reads local files, and `s3://`, `s3a://` and `obs://` objects with the credentials, region and
    /// endpoint of `AWS_*` variables (docs/scale.md); without them an object location fails saying so.
    static func resourceReader() -> any ResourceReader {
        S3ResourceReader(environment: ProcessInfo.processInfo.environment, fallback: StandardResourceReader())
    }

    /// Batch services on these stores.
    var serviceManager: BatchServiceManager {
        BatchServiceManager(services: services, reader: reader)
    }

    /// Data collection on these stores.
    var collection: CollectionManager {
        CollectionManager(store: store, services: services, tasks: tasks, reader: reader)
    }

    /// The dataset named `name`, or an error saying it does not exist.
    func dataset(named name: String) async throws -> Dataset {
        guard let dataset = try await store.dataset(named: name) else {
            throw CLIError("no dataset named '\(name)' (winnow dataset list shows the datasets)")
        }
        return dataset
    }
}
