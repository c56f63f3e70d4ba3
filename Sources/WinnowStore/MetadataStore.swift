public import WinnowCore

/// Where Winnow keeps datasets and samples. SQLite is the embedded default; an in-memory store
/// serves tests; PostgreSQL serves scale-out. All pass `MetadataStoreConformance` (WinnowTesting).
///
/// ## Imports are all-or-nothing
/// Samples enter a dataset through an import: ``beginImport(datasetID:)``, any number of
/// ``stageSamples(_:importID:)`` calls, then ``commitImport(_:policy:)``, which makes every staged
/// sample visible at once, or ``abortImport(_:)``. Staged samples are invisible to every query, so a
/// process killed in the middle leaves nothing half-imported; ``pendingImports()`` finds such imports
/// on the next start. Within one import a source is staged once (the first wins).
public protocol MetadataStore: Sendable {
    // MARK: Datasets

    /// Stores a new dataset. Throws `.duplicate` when the name is taken.
    func createDataset(_ dataset: Dataset) async throws -> Dataset
    /// The dataset with this id, or `nil`.
    func dataset(id: String) async throws -> Dataset?
    /// The dataset with this name, or `nil`.
    func dataset(named name: String) async throws -> Dataset?
    /// Every dataset, by name.
    func listDatasets() async throws -> [Dataset]
    /// Deletes a dataset with its samples and pending imports. Throws `.notFound`.
    func deleteDataset(id: String) async throws

    // MARK: Imports

    /// Starts an import into a dataset and returns its id. Throws `.notFound` for an unknown dataset.
    func beginImport(datasetID: String) async throws -> String
    /// Stages samples (invisible until commit). Each sample's `datasetID` must be the import's.
    /// Returns how many were staged (sources staged before in this import are ignored).
    @discardableResult
    func stageSamples(_ samples: [Sample], importID: String) async throws -> Int
    /// Makes the staged samples visible in one transaction.
    func commitImport(_ importID: String, policy: ImportConflictPolicy) async throws -> ImportOutcome
    /// Drops the staged samples.
    func abortImport(_ importID: String) async throws
    /// Imports begun and not yet committed or aborted.
    func pendingImports() async throws -> [PendingImport]

    // MARK: Samples

    /// The visible sample with this id, or `nil`.
    func sample(id: String) async throws -> Sample?
    /// The visible sample of a dataset with this source, or `nil`.
    func sample(datasetID: String, source: String) async throws -> Sample?
    /// Visible samples matching the query, in its order, with its limit and offset.
    func listSamples(_ query: SampleQuery) async throws -> [Sample]
    /// How many visible samples match the query's filters (sorting and paging ignored).
    func countSamples(_ query: SampleQuery) async throws -> Int
    /// Counts by state and by reason. Throws `.notFound` for an unknown dataset.
    func statistics(datasetID: String) async throws -> DatasetStatistics
    /// Replaces visible samples by id (labels, state, hard-example info, …) in one transaction.
    /// Throws `.notFound` when one does not exist; then nothing is changed.
    func updateSamples(_ samples: [Sample]) async throws
    /// Deletes samples of a dataset by id; returns how many existed.
    @discardableResult
    func deleteSamples(ids: [String], datasetID: String) async throws -> Int
}
