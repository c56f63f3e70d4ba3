import Foundation
import Testing
import WinnowCore
import WinnowStore
import WinnowStoreSQLite
import WinnowTesting

/// Listing pages in every order, and cached counts and statistics that never outlive a write.
@Suite struct SQLiteListingTests {
    func store(_ directory: TemporaryDirectory) async throws -> (SQLiteMetadataStore, String) {
        let store = try SQLiteMetadataStore(path: directory.path("listing.sqlite"))
        let dataset = try await store.createDataset(ConformanceFixtures.dataset("big"))
        var samples: [Sample] = []
        for index in 0..<60 {
            var sample = ConformanceFixtures.sample(datasetID: dataset.id, source: String(format: "/img/%03d.jpg", index))
            sample.id = String(format: "%032d", index)
            if index % 3 == 0 {
                sample.state = .toBeConfirmed
                sample.hardExample = HardExampleInfo(isHard: true, coefficient: Double(index % 10) / 10, reasons: index % 2 == 0 ? [1, 7] : [7])
            }
            samples.append(sample)
        }
        let importID = try await store.beginImport(datasetID: dataset.id)
        try await store.stageSamples(samples, importID: importID)
        _ = try await store.commitImport(importID, policy: .skipExisting)
        return (store, dataset.id)
    }

    @Test func countsAndStatisticsFollowEveryWrite() async throws {
        let directory = try TemporaryDirectory()
        let (store, datasetID) = try await store(directory)
        let hard = SampleQuery(datasetID: datasetID, hard: true)
        #expect(try await store.countSamples(hard) == 20)
        #expect(try await store.countSamples(hard) == 20)  // served from the cache
        #expect(try await store.statistics(datasetID: datasetID).byReason[7] == 20)
        // When one hard sample is unmarked
        var sample = try #require(try await store.listSamples(SampleQuery(datasetID: datasetID, hard: true, limit: 1)).first)
        sample.hardExample?.isHard = false
        try await store.updateSamples([sample])
        // Then the next count and statistics see it
        #expect(try await store.countSamples(hard) == 19)
        #expect(try await store.countSamples(SampleQuery(datasetID: datasetID, hard: true, limit: 5, offset: 3)) == 19)
        let statistics = try await store.statistics(datasetID: datasetID)
        #expect(statistics.hard == 19)
        #expect(statistics.byReason[7] == 19)
        // And a staged (uncommitted) import is not counted, while its commit is
        let importID = try await store.beginImport(datasetID: datasetID)
        try await store.stageSamples([ConformanceFixtures.sample(datasetID: datasetID, source: "/img/new.jpg")], importID: importID)
        #expect(try await store.countSamples(SampleQuery(datasetID: datasetID)) == 60)
        _ = try await store.commitImport(importID, policy: .skipExisting)
        #expect(try await store.countSamples(SampleQuery(datasetID: datasetID)) == 61)
        #expect(try await store.statistics(datasetID: datasetID).total == 61)
    }

    @Test func pagesByOffsetReasonAndCoefficientKeepTheirOrder() async throws {
        let directory = try TemporaryDirectory()
        let (store, datasetID) = try await store(directory)
        let all = try await store.listSamples(SampleQuery(datasetID: datasetID))
        let page = try await store.listSamples(SampleQuery(datasetID: datasetID, limit: 7, offset: 21))
        #expect(page.map(\.id) == Array(all.map(\.id)[21..<28]))
        let reasonOne = try await store.listSamples(SampleQuery(datasetID: datasetID, reason: 1, limit: 100))
        #expect(reasonOne.count == 10)
        #expect(reasonOne.map(\.id) == reasonOne.map(\.id).sorted())
        #expect(try await store.countSamples(SampleQuery(datasetID: datasetID, reason: 1)) == 10)
        // Hardest first, samples without a coefficient last, ties by id descending.
        let hardest = try await store.listSamples(SampleQuery(datasetID: datasetID, sort: .coefficient, descending: true))
        let coefficients = hardest.map { $0.hardExample?.coefficient }
        #expect(coefficients.prefix(20).allSatisfy { $0 != nil })
        #expect(coefficients.dropFirst(20).allSatisfy { $0 == nil })
        #expect(coefficients.prefix(20).map { $0 ?? 0 } == coefficients.prefix(20).map { $0 ?? 0 }.sorted(by: >))
        let easiest = try await store.listSamples(SampleQuery(datasetID: datasetID, sort: .coefficient, descending: false, limit: 25))
        #expect(easiest.first?.hardExample?.coefficient == 0)
        #expect(easiest.last?.hardExample == nil, "without a coefficient comes last ascending too")
    }

    @Test func aWriteByAnotherConnectionIsSeenAtOnce() async throws {
        // Given two stores on one file (as `winnow serve` and a CLI import would be)
        let directory = try TemporaryDirectory()
        let (server, datasetID) = try await store(directory)
        let other = try SQLiteMetadataStore(path: directory.path("listing.sqlite"))
        #expect(try await server.countSamples(SampleQuery(datasetID: datasetID)) == 60)
        #expect(try await server.statistics(datasetID: datasetID).total == 60)
        // When the other one commits more samples
        let importID = try await other.beginImport(datasetID: datasetID)
        try await other.stageSamples([ConformanceFixtures.sample(datasetID: datasetID, source: "/img/elsewhere.jpg")], importID: importID)
        _ = try await other.commitImport(importID, policy: .skipExisting)
        // Then the first one's cached count and statistics are not served
        #expect(try await server.countSamples(SampleQuery(datasetID: datasetID)) == 61)
        #expect(try await server.statistics(datasetID: datasetID).total == 61)
    }
}
