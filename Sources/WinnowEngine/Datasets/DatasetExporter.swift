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
        let manifestPath = ResourceLocationPath.absolute(path)
        let directory = (manifestPath as NSString).deletingLastPathComponent
        let stem = ((manifestPath as NSString).lastPathComponent as NSString).deletingPathExtension
        let annotationFolderName = stem + "-annotations"
        var report = Report()
        var usedNames = Set<String>()
        let writer = try ManifestFileWriter(path: manifestPath)
        do {
            var after: String?
            while true {
                let page = try await store.listSamples(SampleQuery(
                    datasetID: dataset.id, state: options.state, hard: options.hardOnly ? true : nil, afterID: after, limit: 1000))
                guard let last = page.last else { break }
                after = last.id
                for sample in page {
                    var annotationLocation: String?
                    let voc: VOCAnnotation?
                    do {
                        voc = try ManifestSampleMapping.vocAnnotation(for: sample, clearHard: options.clearHard)
                    } catch {
                        throw EngineError(.invalidInput, "cannot export \(sample.source): \(error.message)")
                    }
                    if let voc {
                        let name = Self.uniqueName(for: voc.filename, id: sample.id, used: &usedNames)
                        let xmlPath = directory + "/" + annotationFolderName + "/" + name
                        try LocalFiles.writeAtomically(Array(VOCCodec.encode(voc).utf8), to: xmlPath)
                        annotationLocation = "./" + annotationFolderName + "/" + name
                        report.annotationFiles += 1
                        report.annotationFolder = directory + "/" + annotationFolderName
                    }
                    let line = ManifestSampleMapping.manifestLine(for: sample, annotationLocation: annotationLocation, clearHard: options.clearHard)
                    try writer.write(ManifestCodec.encodeLine(line))
                    report.samples += 1
                }
            }
            try writer.commit()
            return report
        } catch {
            writer.discard()
            throw error
        }
    }

    /// `image.xml` for `image.jpg`, made unique with the sample id when two samples share a file name.
    static func uniqueName(for imageName: String, id: String, used: inout Set<String>) -> String {
        let base = (imageName as NSString).deletingPathExtension
        var name = (base.isEmpty ? id : base) + ".xml"
        if !used.insert(name).inserted {
            name = base + "-" + id.prefix(8) + ".xml"
            used.insert(name)
        }
        return name
    }
}
