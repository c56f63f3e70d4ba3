import Foundation
public import WinnowCore
import WinnowObjects
public import WinnowStore

/// Writes a dataset as a manifest ModelArts accepts, with one PASCAL VOC file per detection sample.
public struct DatasetExporter: Sendable {
    public struct Options: Sendable {
        /// Only samples in this state.
        public var state: SampleState?
        /// Only samples flagged hard.
        public var hardOnly: Bool
        /// Leave out every hard-example field (ModelArts' `clear_hard_property`).
        public var clearHard: Bool

        public init(state: SampleState? = nil, hardOnly: Bool = false, clearHard: Bool = false) {
            self.state = state
            self.hardOnly = hardOnly
            self.clearHard = clearHard
        }
    }

    public struct Report: Sendable, Hashable {
        public var samples = 0
        public var annotationFiles = 0
        /// The folder holding the VOC files, when any were written.
        public var annotationFolder: String?
        public init() {}
    }

    private let store: any MetadataStore

    public init(store: any MetadataStore) {
        self.store = store
    }

    /// Exports `dataset` to the manifest at `path`; VOC files go to `NAME-annotations/` beside it and are
    /// named in the manifest relative to its folder.
    ///
    /// The manifest is written to a temporary file and renamed into place, so a failed export leaves
    /// no half-written manifest.
    public func export(_ dataset: Dataset, to path: String, options: Options = Options()) async throws -> Report {
        let writer = try SampleManifestWriter(path: path, clearHard: options.clearHard)
        do {
            var after: String?
            while true {
                let page = try await store.listSamples(SampleQuery(
                    datasetID: dataset.id, state: options.state, hard: options.hardOnly ? true : nil, afterID: after, limit: 1000))
                guard let last = page.last else { break }
                after = last.id
                for sample in page { try writer.write(sample) }
            }
            try writer.commit()
            var report = Report()
            report.samples = writer.samples
            report.annotationFiles = writer.annotationFiles
            report.annotationFolder = writer.annotationFolder
            return report
        } catch {
            writer.discard()
            throw error
        }
    }
}
