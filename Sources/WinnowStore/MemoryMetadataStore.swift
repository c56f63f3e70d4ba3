import Foundation
public import WinnowCore

/// A metadata store held in memory: the reference behaviour for the conformance suite, and the
/// store tests use. Nothing survives the process.
public actor MemoryMetadataStore: MetadataStore {
    private var datasets: [String: Dataset] = [:]
    private var samples: [String: Sample] = [:]
    private var sourceIndex: [SourceKey: String] = [:]
    private var imports: [String: StagedImport] = [:]

    private struct SourceKey: Hashable {
        var datasetID: String
        var source: String
    }

    private struct StagedImport {
        var datasetID: String
        var startedAt: Date
        var samples: [Sample] = []
        var sources: Set<String> = []
    }

    public init() {}

    // MARK: Datasets

    public func createDataset(_ dataset: Dataset) throws -> Dataset {
        if datasets.values.contains(where: { $0.name == dataset.name }) {
            throw StoreError(.duplicate, "a dataset named '\(dataset.name)' exists already")
        }
        if datasets[dataset.id] != nil { throw StoreError(.duplicate, "a dataset with id '\(dataset.id)' exists already") }
        datasets[dataset.id] = dataset
        return dataset
    }

    public func dataset(id: String) -> Dataset? { datasets[id] }

    public func dataset(named name: String) -> Dataset? { datasets.values.first { $0.name == name } }

    public func listDatasets() -> [Dataset] { datasets.values.sorted { $0.name < $1.name } }

    public func deleteDataset(id: String) throws {
        guard datasets.removeValue(forKey: id) != nil else { throw StoreError.datasetNotFound(id) }
        for (sampleID, sample) in samples where sample.datasetID == id {
            samples[sampleID] = nil
            sourceIndex[SourceKey(datasetID: id, source: sample.source)] = nil
        }
        imports = imports.filter { $0.value.datasetID != id }
    }

    // MARK: Imports

    public func beginImport(datasetID: String) throws -> String {
        guard datasets[datasetID] != nil else { throw StoreError.datasetNotFound(datasetID) }
        let id = Identifier.make()
        imports[id] = StagedImport(datasetID: datasetID, startedAt: Date())
        return id
    }

    @discardableResult
    public func stageSamples(_ samples: [Sample], importID: String) throws -> Int {
        guard var staged = imports[importID] else { throw StoreError.importNotFound(importID) }
        if let stranger = samples.first(where: { $0.datasetID != staged.datasetID }) {
            throw StoreError(.invalid, "sample '\(stranger.source)' belongs to dataset '\(stranger.datasetID)', not to the import's '\(staged.datasetID)'")
        }
        var count = 0
        for sample in samples where staged.sources.insert(sample.source).inserted {
            staged.samples.append(sample)
            count += 1
        }
        imports[importID] = staged
        return count
    }

    public func commitImport(_ importID: String, policy: ImportConflictPolicy) throws -> ImportOutcome {
        guard let staged = imports.removeValue(forKey: importID) else { throw StoreError.importNotFound(importID) }
        var outcome = ImportOutcome()
        for sample in staged.samples {
            let key = SourceKey(datasetID: staged.datasetID, source: sample.source)
            if let existing = sourceIndex[key] {
                switch policy {
                case .skipExisting:
                    outcome.skipped += 1
                    continue
                case .replaceExisting:
                    samples[existing] = nil
                    outcome.replaced += 1
                case .replaceUnlabeled:
                    guard samples[existing]?.state == .unlabeled else {
                        outcome.skipped += 1
                        continue
                    }
                    samples[existing] = nil
                    outcome.replaced += 1
                }
            } else {
                outcome.inserted += 1
            }
            samples[sample.id] = sample
            sourceIndex[key] = sample.id
        }
        return outcome
    }

    public func abortImport(_ importID: String) throws {
        guard imports.removeValue(forKey: importID) != nil else { throw StoreError.importNotFound(importID) }
    }

    public func pendingImports() -> [PendingImport] {
        imports.map { PendingImport(id: $0.key, datasetID: $0.value.datasetID, stagedCount: $0.value.samples.count, startedAt: $0.value.startedAt) }
            .sorted { $0.startedAt < $1.startedAt }
    }

    // MARK: Samples

    public func sample(id: String) -> Sample? { samples[id] }

    public func sample(datasetID: String, source: String) -> Sample? {
        sourceIndex[SourceKey(datasetID: datasetID, source: source)].flatMap { samples[$0] }
    }

    public func listSamples(_ query: SampleQuery) -> [Sample] {
        let sorted = samples.values.filter(query.matches).sorted(by: query.orders)
        let page = sorted.dropFirst(max(0, query.offset))
        return Array(query.limit.map { page.prefix(max(0, $0)) } ?? page)
    }

    public func countSamples(_ query: SampleQuery) -> Int {
        var unpaged = query
        unpaged.afterID = nil
        return samples.values.count(where: unpaged.matches)
    }

    public func statistics(datasetID: String) throws -> DatasetStatistics {
        guard datasets[datasetID] != nil else { throw StoreError.datasetNotFound(datasetID) }
        var byState: [SampleState: Int] = [:]
        var byReason: [Int: Int] = [:]
        var total = 0
        var hard = 0
        for sample in samples.values where sample.datasetID == datasetID {
            total += 1
            byState[sample.state, default: 0] += 1
            if sample.isHard {
                hard += 1
                for reason in sample.hardExample?.reasons ?? [] { byReason[reason, default: 0] += 1 }
            }
        }
        return DatasetStatistics(total: total, byState: byState, hard: hard, byReason: byReason)
    }

    public func updateSamples(_ updates: [Sample]) throws {
        for update in updates {
            guard let existing = samples[update.id], existing.datasetID == update.datasetID else {
                throw StoreError.sampleNotFound(update.id)
            }
            if existing.source != update.source {
                throw StoreError(.invalid, "sample '\(update.id)': the source cannot change ('\(existing.source)' → '\(update.source)')")
            }
        }
        for update in updates { samples[update.id] = update }
    }

    @discardableResult
    public func deleteSamples(ids: [String], datasetID: String) -> Int {
        var count = 0
        for id in Set(ids) {
            guard let sample = samples[id], sample.datasetID == datasetID else { continue }
            samples[id] = nil
            sourceIndex[SourceKey(datasetID: datasetID, source: sample.source)] = nil
            count += 1
        }
        return count
    }
}
