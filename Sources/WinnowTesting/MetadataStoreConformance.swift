import Foundation
import WinnowCore
public import WinnowStore

/// The behaviour every ``MetadataStore`` must show, as a list of named checks.
///
/// A backend's test runs each check against a fresh, empty store:
/// ```swift
/// @Test(arguments: MetadataStoreConformance.checks)
/// func conforms(_ check: MetadataStoreConformance.Check) async throws {
///     try await check.run(try makeEmptyStore())
/// }
/// ```
public enum MetadataStoreConformance {
    /// One named check.
    public struct Check: Sendable, CustomStringConvertible {
        public let name: String
        public let run: @Sendable (any MetadataStore) async throws -> Void
        public var description: String { name }
    }

    /// Every check, datasets first.
    public static let checks: [Check] = datasetChecks + importChecks + queryChecks + updateChecks
}

// MARK: - Datasets

extension MetadataStoreConformance {
    static let datasetChecks: [Check] = [
        Check(name: "datasets are found by id and name and listed by name") { store in
            let b = try await store.createDataset(ConformanceFixtures.dataset("b-set"))
            let a = try await store.createDataset(ConformanceFixtures.dataset("a-set", type: .imageClassification))
            try checkEqual(try await store.dataset(id: b.id), b, "dataset(id:)")
            try checkEqual(try await store.dataset(named: "a-set"), a, "dataset(named:)")
            try checkEqual(try await store.listDatasets().map(\.name), ["a-set", "b-set"], "listDatasets order")
            try checkEqual(try await store.dataset(named: "missing"), nil, "unknown name")
        },
        Check(name: "a duplicate dataset name is refused") { store in
            _ = try await store.createDataset(ConformanceFixtures.dataset("same"))
            try await checkThrows("second dataset named 'same'", matching: { ($0 as? StoreError)?.code == .duplicate }) {
                _ = try await store.createDataset(ConformanceFixtures.dataset("same"))
            }
            try checkEqual(try await store.listDatasets().count, 1, "datasets after refusal")
        },
        Check(name: "deleting a dataset deletes its samples and pending imports") { store in
            let kept = try await store.createDataset(ConformanceFixtures.dataset("kept"))
            let gone = try await store.createDataset(ConformanceFixtures.dataset("gone"))
            let sample = try await importSamples(store, [ConformanceFixtures.sample(datasetID: gone.id, source: "/g/1.jpg")])[0]
            _ = try await importSamples(store, [ConformanceFixtures.sample(datasetID: kept.id, source: "/g/1.jpg")])
            let pending = try await store.beginImport(datasetID: gone.id)
            try await store.stageSamples([ConformanceFixtures.sample(datasetID: gone.id, source: "/g/2.jpg")], importID: pending)
            try await store.deleteDataset(id: gone.id)
            try checkEqual(try await store.dataset(id: gone.id), nil, "deleted dataset")
            try checkEqual(try await store.sample(id: sample.id), nil, "sample of deleted dataset")
            try checkEqual(try await store.pendingImports().map(\.id), [], "pending imports of deleted dataset")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: kept.id)), 1, "other dataset's samples")
            try await checkThrows("deleting again", matching: { ($0 as? StoreError)?.code == .notFound }) {
                try await store.deleteDataset(id: gone.id)
            }
        },
    ]
}

// MARK: - Imports

extension MetadataStoreConformance {
    static let importChecks: [Check] = [
        Check(name: "staged samples stay invisible until commit") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("staging"))
            let importID = try await store.beginImport(datasetID: ds.id)
            let staged = try await store.stageSamples(
                (0..<5).map { ConformanceFixtures.sample(datasetID: ds.id, source: "/s/\($0).jpg") }, importID: importID)
            try checkEqual(staged, 5, "staged count")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id)), 0, "visible before commit")
            try checkEqual(try await store.statistics(datasetID: ds.id).total, 0, "statistics before commit")
            try checkEqual(try await store.pendingImports().map(\.stagedCount), [5], "pending import")
            let outcome = try await store.commitImport(importID, policy: .skipExisting)
            try checkEqual(outcome, ImportOutcome(inserted: 5), "outcome")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id)), 5, "visible after commit")
            try checkEqual(try await store.pendingImports().count, 0, "pending after commit")
            try await checkThrows("committing twice", matching: { ($0 as? StoreError)?.code == .notFound }) {
                _ = try await store.commitImport(importID, policy: .skipExisting)
            }
        },
        Check(name: "an aborted import leaves nothing") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("aborted"))
            let importID = try await store.beginImport(datasetID: ds.id)
            try await store.stageSamples([ConformanceFixtures.richSample(datasetID: ds.id, source: "/a.jpg")], importID: importID)
            try await store.abortImport(importID)
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id)), 0, "visible after abort")
            try checkEqual(try await store.pendingImports().count, 0, "pending after abort")
            try checkEqual(try await store.sample(datasetID: ds.id, source: "/a.jpg"), nil, "aborted sample by source")
        },
        Check(name: "skipExisting keeps samples already in the dataset") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("skip"))
            let first = try await importSamples(store, [ConformanceFixtures.sample(datasetID: ds.id, source: "/1.jpg", label: "cat")])
            let importID = try await store.beginImport(datasetID: ds.id)
            try await store.stageSamples([
                ConformanceFixtures.sample(datasetID: ds.id, source: "/1.jpg", label: "dog"),
                ConformanceFixtures.sample(datasetID: ds.id, source: "/2.jpg"),
            ], importID: importID)
            try checkEqual(try await store.commitImport(importID, policy: .skipExisting), ImportOutcome(inserted: 1, skipped: 1), "outcome")
            let kept = try await store.sample(datasetID: ds.id, source: "/1.jpg")
            try checkEqual(kept, first[0], "existing sample unchanged")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id)), 2, "count")
        },
        Check(name: "replaceExisting replaces samples with the same source") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("replace"))
            _ = try await importSamples(store, [ConformanceFixtures.sample(datasetID: ds.id, source: "/1.jpg", label: "cat")])
            let importID = try await store.beginImport(datasetID: ds.id)
            let newer = ConformanceFixtures.sample(datasetID: ds.id, source: "/1.jpg", state: .labeled, label: "dog")
            try await store.stageSamples([newer], importID: importID)
            try checkEqual(try await store.commitImport(importID, policy: .replaceExisting), ImportOutcome(replaced: 1), "outcome")
            try checkEqual(try await store.sample(datasetID: ds.id, source: "/1.jpg"), newer, "replaced sample")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id)), 1, "count")
        },
        Check(name: "replaceUnlabeled replaces unlabeled samples and keeps the others") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("upgrade"))
            _ = try await importSamples(store, [
                ConformanceFixtures.sample(datasetID: ds.id, source: "/u.jpg"),
                ConformanceFixtures.sample(datasetID: ds.id, source: "/l.jpg", state: .labeled, label: "cat"),
            ])
            let importID = try await store.beginImport(datasetID: ds.id)
            let hard = ["/u.jpg", "/l.jpg", "/n.jpg"].map {
                ConformanceFixtures.sample(datasetID: ds.id, source: $0, state: .toBeConfirmed, label: "dog", hard: true, coefficient: 0.9, reasons: [1])
            }
            try await store.stageSamples(hard, importID: importID)
            try checkEqual(try await store.commitImport(importID, policy: .replaceUnlabeled), ImportOutcome(inserted: 1, replaced: 1, skipped: 1), "outcome")
            try checkEqual(try await store.sample(datasetID: ds.id, source: "/u.jpg")?.state, .toBeConfirmed, "unlabeled sample upgraded")
            try checkEqual(try await store.sample(datasetID: ds.id, source: "/l.jpg")?.labels.map(\.name), ["cat"], "labeled sample kept")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id)), 3, "count")
        },
        Check(name: "a source staged twice in one import is kept once, the first") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("twice"))
            let importID = try await store.beginImport(datasetID: ds.id)
            let first = ConformanceFixtures.sample(datasetID: ds.id, source: "/1.jpg", label: "first")
            try checkEqual(try await store.stageSamples([first], importID: importID), 1, "first stage")
            try checkEqual(try await store.stageSamples([ConformanceFixtures.sample(datasetID: ds.id, source: "/1.jpg", label: "second")], importID: importID), 0, "second stage")
            _ = try await store.commitImport(importID, policy: .replaceExisting)
            try checkEqual(try await store.sample(datasetID: ds.id, source: "/1.jpg")?.labels.map(\.name), ["first"], "kept label")
        },
        Check(name: "staging refuses samples of another dataset and unknown imports") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("mine"))
            let other = try await store.createDataset(ConformanceFixtures.dataset("other"))
            let importID = try await store.beginImport(datasetID: ds.id)
            try await checkThrows("sample of another dataset", matching: { ($0 as? StoreError)?.code == .invalid }) {
                try await store.stageSamples([ConformanceFixtures.sample(datasetID: other.id, source: "/x.jpg")], importID: importID)
            }
            try await checkThrows("unknown import", matching: { ($0 as? StoreError)?.code == .notFound }) {
                try await store.stageSamples([], importID: "nope")
            }
            try await checkThrows("import into unknown dataset", matching: { ($0 as? StoreError)?.code == .notFound }) {
                _ = try await store.beginImport(datasetID: "nope")
            }
        },
    ]

    /// Imports `samples` in one import and returns them as stored.
    static func importSamples(_ store: any MetadataStore, _ samples: [Sample]) async throws -> [Sample] {
        guard let datasetID = samples.first?.datasetID else { return [] }
        let importID = try await store.beginImport(datasetID: datasetID)
        try await store.stageSamples(samples, importID: importID)
        _ = try await store.commitImport(importID, policy: .skipExisting)
        var stored: [Sample] = []
        for sample in samples {
            guard let found = try await store.sample(datasetID: datasetID, source: sample.source) else {
                throw ConformanceFailure("imported sample \(sample.source) not found")
            }
            stored.append(found)
        }
        return stored
    }
}
