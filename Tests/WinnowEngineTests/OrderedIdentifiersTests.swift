import Foundation
import Testing
@testable import WinnowEngine
import WinnowCore
import WinnowObjects
import WinnowStore

@Suite struct OrderedIdentifiersTests {
    @Test func identifiersHaveTheIdentifierFormAndSortInTheOrderMade() {
        var identifiers = OrderedIdentifiers(now: Date(timeIntervalSince1970: 1_800_000_000))
        let made = (0..<1000).map { _ in identifiers.next() }
        for id in made {
            #expect(id.utf8.count == 32)
            #expect(id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }, "\(id)")
        }
        #expect(made == made.sorted())
        #expect(Set(made).count == made.count)
        #expect(made[0].hasPrefix(String(1_800_000_000_000, radix: 16).leftPadded(to: 12)))
    }

    @Test func twoImportsAtTheSameMomentDoNotCollide() {
        let now = Date()
        var first = OrderedIdentifiers(now: now), second = OrderedIdentifiers(now: now)
        let a = Set((0..<100).map { _ in first.next() }), b = Set((0..<100).map { _ in second.next() })
        #expect(a.isDisjoint(with: b))
    }

    @Test func importedSamplesListByIdInFileOrder() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("winnow-ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = (0..<50).map { "img\(($0 * 37) % 50).png" }
        let path = directory.appendingPathComponent("m.manifest").path
        try Data(names.map { #"{"source":"\#($0)"}"# }.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        let store = MemoryMetadataStore()
        let dataset = try await store.createDataset(Dataset(name: "d", labelingType: .imageClassification))
        _ = try await DatasetImporter(store: store, reader: StandardResourceReader()).importManifest(at: path, into: dataset)
        let listed = try await store.listSamples(SampleQuery(datasetID: dataset.id)).map { $0.source.split(separator: "/").last.map(String.init) ?? "" }
        #expect(listed == names)
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
