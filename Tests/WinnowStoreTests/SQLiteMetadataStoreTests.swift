import Foundation
import Testing
import WinnowCore
import WinnowStore
import WinnowStoreSQLite
import WinnowTesting

/// What only the SQLite store has to show: a real file that survives reopening, and clear errors.
@Suite struct SQLiteMetadataStoreTests {
    @Test func dataSurvivesReopeningTheFile() async throws {
        // Given a store file with a dataset and a committed sample, and a pending import
        let directory = try TemporaryDirectory()
        let path = directory.path("reopen.sqlite")
        let datasetID: String
        do {
            let store = try SQLiteMetadataStore(path: path)
            let dataset = try await store.createDataset(ConformanceFixtures.dataset("persisted"))
            datasetID = dataset.id
            let importID = try await store.beginImport(datasetID: dataset.id)
            try await store.stageSamples([ConformanceFixtures.richSample(datasetID: dataset.id, source: "/a.jpg")], importID: importID)
            _ = try await store.commitImport(importID, policy: .skipExisting)
            let pending = try await store.beginImport(datasetID: dataset.id)
            try await store.stageSamples([ConformanceFixtures.sample(datasetID: dataset.id, source: "/b.jpg")], importID: pending)
        }
        // When it is opened again
        let reopened = try SQLiteMetadataStore(path: path)
        // Then the committed sample is there, the staged one is pending and invisible
        #expect(try await reopened.dataset(named: "persisted")?.id == datasetID)
        #expect(try await reopened.countSamples(SampleQuery(datasetID: datasetID)) == 1)
        #expect(try await reopened.pendingImports().map(\.stagedCount) == [1])
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func aFileThatIsNotADatabaseGivesAClearError() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("not-a-db.sqlite")
        try Data("this is not SQLite, just text that is long enough to fill a header page".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try SQLiteMetadataStore(path: path)
        } throws: { error in
            let storeError = error as? StoreError
            return storeError?.code == .backend && storeError?.message.contains(path) == true
        }
    }

    @Test func emptyTextStaysEmptyAndNonASCIITextSurvivesBinding() async throws {
        // Given samples whose text columns are empty or non-ASCII (bound through SQLite's C API)
        let directory = try TemporaryDirectory()
        let store = try SQLiteMetadataStore(path: directory.path("binding.sqlite"))
        let dataset = try await store.createDataset(ConformanceFixtures.dataset("binding"))
        var empty = ConformanceFixtures.sample(datasetID: dataset.id, source: "/猫/ä b.jpg", state: .labeled, label: "")
        empty.inferenceLocation = ""
        let rich = ConformanceFixtures.richSample(datasetID: dataset.id, source: "/rich.jpg")
        let importID = try await store.beginImport(datasetID: dataset.id)
        #expect(try await store.stageSamples([empty, rich, empty], importID: importID) == 2)
        _ = try await store.commitImport(importID, policy: .skipExisting)
        // Then they read back exactly, and the empty label name is found by the label filter
        let stored = try await store.listSamples(SampleQuery(datasetID: dataset.id, sort: .source))
        #expect(stored.map(\.source) == ["/rich.jpg", "/猫/ä b.jpg"])
        #expect(stored.last?.inferenceLocation == "")
        #expect(stored.last?.labels.map(\.name) == [""])
        #expect(stored.first == rich)
        #expect(try await store.countSamples(SampleQuery(datasetID: dataset.id, label: "")) == 1)
    }
}
