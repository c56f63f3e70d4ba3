import Foundation
import WinnowCore
import WinnowStore

// MARK: - Queries

extension MetadataStoreConformance {
    /// A dataset of 20 samples with varied states, labels, coefficients and reasons.
    static func seededDataset(_ store: any MetadataStore) async throws -> (Dataset, [Sample]) {
        let ds = try await store.createDataset(ConformanceFixtures.dataset("query", type: .imageClassification))
        let samples = (0..<20).map { i in
            ConformanceFixtures.sample(
                datasetID: ds.id, source: String(format: "/q/%02d.png", 19 - i),
                state: [.unlabeled, .labeled, .toBeConfirmed][i % 3],
                label: i % 2 == 0 ? "even" : "odd",
                hard: i % 4 == 0, coefficient: i % 4 == 0 ? Double(i) / 20 : nil,
                reasons: i % 4 == 0 ? (i % 8 == 0 ? [1, 30] : [5]) : [],
                createdAt: ConformanceFixtures.epoch.addingTimeInterval(Double(i))
            )
        }
        return (ds, try await importSamples(store, samples))
    }

    static let queryChecks: [Check] = [
        Check(name: "a sample with every field comes back equal") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("rich"))
            let rich = ConformanceFixtures.richSample(datasetID: ds.id, source: "s3://bucket/a b/中文.jpg")
            let stored = try await importSamples(store, [rich])[0]
            try checkEqual(stored, rich, "stored sample")
            try checkEqual(try await store.sample(id: rich.id), rich, "sample(id:)")
            try checkEqual(try await store.listSamples(SampleQuery(datasetID: ds.id)), [rich], "listSamples")
        },
        Check(name: "filters by state, hard flag, reason, coefficient and label agree with the reference") { store in
            let (ds, samples) = try await seededDataset(store)
            let queries: [SampleQuery] = [
                SampleQuery(datasetID: ds.id),
                SampleQuery(datasetID: ds.id, state: .toBeConfirmed),
                SampleQuery(datasetID: ds.id, hard: true),
                SampleQuery(datasetID: ds.id, hard: false),
                SampleQuery(datasetID: ds.id, reason: 30),
                SampleQuery(datasetID: ds.id, reason: 5),
                SampleQuery(datasetID: ds.id, coefficient: 0.2...0.6),
                SampleQuery(datasetID: ds.id, label: "odd"),
                SampleQuery(datasetID: ds.id, state: .unlabeled, label: "even"),
                SampleQuery(datasetID: ds.id, hard: true, reason: 1, coefficient: 0...0.5),
            ]
            for query in queries {
                let expected = samples.filter(query.matches).sorted(by: query.orders).map(\.source)
                try checkEqual(try await store.listSamples(query).map(\.source), expected, "listSamples(\(query))")
                try checkEqual(try await store.countSamples(query), expected.count, "countSamples(\(query))")
            }
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id, hard: true)), 5, "hard samples")
        },
        Check(name: "sorting, limit, offset and keyset pages agree with the reference") { store in
            let (ds, samples) = try await seededDataset(store)
            for sort in SampleQuery.SortKey.allCases {
                for descending in [false, true] {
                    let query = SampleQuery(datasetID: ds.id, sort: sort, descending: descending, limit: 7, offset: 3)
                    let expected = Array(samples.sorted(by: query.orders).dropFirst(3).prefix(7)).map(\.source)
                    try checkEqual(try await store.listSamples(query).map(\.source), expected, "sort \(sort) descending \(descending)")
                }
            }
            var seen: [String] = []
            var after: String?
            while true {
                let page = try await store.listSamples(SampleQuery(datasetID: ds.id, afterID: after, limit: 6))
                guard let last = page.last else { break }
                seen += page.map(\.id)
                after = last.id
            }
            try checkEqual(seen, samples.map(\.id).sorted(), "keyset pages")
        },
        Check(name: "statistics count states, hard samples and reasons") { store in
            let (ds, samples) = try await seededDataset(store)
            let stats = try await store.statistics(datasetID: ds.id)
            try checkEqual(stats.total, 20, "total")
            for state in SampleState.allCases {
                try checkEqual(stats.byState[state], samples.count { $0.state == state }, "state \(state)")
            }
            try checkEqual(stats.hard, 5, "hard")
            try checkEqual(stats.byReason, [1: 3, 30: 3, 5: 2], "by reason")
            try await checkThrows("statistics of unknown dataset", matching: { ($0 as? StoreError)?.code == .notFound }) {
                _ = try await store.statistics(datasetID: "nope")
            }
        },
    ]
}

// MARK: - Updates

extension MetadataStoreConformance {
    static let updateChecks: [Check] = [
        Check(name: "updates replace labels, state and hard-example info, and are indexed again") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("update"))
            var sample = try await importSamples(store, [ConformanceFixtures.richSample(datasetID: ds.id, source: "/u.jpg")])[0]
            sample.state = .labeled
            sample.labels = [Label(type: .objectDetection, name: "corrected", shape: .bndbox(xmin: 0, ymin: 0, xmax: 1, ymax: 1))]
            sample.hardExample = HardExampleInfo(isHard: false, coefficient: 0.1, reasons: [])
            sample.updatedAt = ConformanceFixtures.epoch.addingTimeInterval(60)
            try await store.updateSamples([sample])
            try checkEqual(try await store.sample(id: sample.id), sample, "updated sample")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id, reason: 30)), 0, "old reason index")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id, label: "person")), 0, "old label index")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id, label: "corrected")), 1, "new label index")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id, hard: false)), 1, "hard flag")
        },
        Check(name: "label filters find samples with one name, a repeated name and several names, before and after updates") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("label-names"))
            func boxes(_ names: String...) -> [Label] {
                names.map { Label(type: .objectDetection, name: $0, shape: .bndbox(xmin: 0, ymin: 0, xmax: 1, ymax: 1)) }
            }
            func sources(_ label: String) async throws -> [String] {
                try await store.listSamples(SampleQuery(datasetID: ds.id, label: label, sort: .source)).map(\.source)
            }
            var samples = [
                Sample(datasetID: ds.id, source: "/a.jpg", state: .labeled, labels: boxes("person")),
                Sample(datasetID: ds.id, source: "/b.jpg", state: .labeled, labels: boxes("person", "person")),
                Sample(datasetID: ds.id, source: "/c.jpg", state: .labeled, labels: boxes("person", "car", "person")),
                Sample(datasetID: ds.id, source: "/d.jpg"),
                Sample(datasetID: ds.id, source: "/e.jpg", state: .labeled, labels: boxes("car")),
            ]
            // Unlabelled filler, so that a label on one sample is rare (stores may plan rare labels apart).
            samples += (0..<20).map { Sample(datasetID: ds.id, source: String(format: "/z%02d.jpg", $0)) }
            samples = try await importSamples(store, samples)
            try checkEqual(try await sources("person"), ["/a.jpg", "/b.jpg", "/c.jpg"], "person")
            try checkEqual(try await sources("car"), ["/c.jpg", "/e.jpg"], "car")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id, label: "person")), 3, "person count")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id, label: "dog")), 0, "dog count")
            // c drops to one name, a gains a second one.
            samples[2].labels = boxes("car")
            samples[0].labels = boxes("person", "dog")
            try await store.updateSamples([samples[2], samples[0]])
            try checkEqual(try await sources("person"), ["/a.jpg", "/b.jpg"], "person after updates")
            try checkEqual(try await sources("car"), ["/c.jpg", "/e.jpg"], "car after updates")
            try checkEqual(try await sources("dog"), ["/a.jpg"], "dog after updates")
            try checkEqual(try await store.listSamples(SampleQuery(datasetID: ds.id, label: "dog", limit: 5)).map(\.source), ["/a.jpg"], "dog, one page")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id, state: .labeled, label: "car")), 2, "labeled car count")
            try checkEqual(try await store.sample(id: samples[0].id)?.labels, samples[0].labels, "labels read back")
        },
        Check(name: "an update naming an unknown sample changes nothing") { store in
            let ds = try await store.createDataset(ConformanceFixtures.dataset("atomic"))
            var sample = try await importSamples(store, [ConformanceFixtures.sample(datasetID: ds.id, source: "/a.jpg")])[0]
            let before = sample
            sample.state = .labeled
            let ghost = ConformanceFixtures.sample(datasetID: ds.id, source: "/ghost.jpg")
            try await checkThrows("update with an unknown sample", matching: { ($0 as? StoreError)?.code == .notFound }) {
                try await store.updateSamples([sample, ghost])
            }
            try checkEqual(try await store.sample(id: sample.id), before, "sample after failed update")
        },
        Check(name: "deleting samples removes them and their index entries") { store in
            let (ds, samples) = try await seededDataset(store)
            let doomed = samples.filter(\.isHard).map(\.id)
            try checkEqual(try await store.deleteSamples(ids: doomed + ["nope"], datasetID: ds.id), 5, "deleted")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id)), 15, "left")
            try checkEqual(try await store.countSamples(SampleQuery(datasetID: ds.id, reason: 1)), 0, "reason index")
            try checkEqual(try await store.statistics(datasetID: ds.id).byReason, [:], "statistics by reason")
        },
    ]
}
