import Foundation
public import WinnowCore
import WinnowObjects

/// Writes samples as a ModelArts manifest, with a PASCAL VOC file per detection sample in a folder next
/// to it (`STEM-annotations/`, named after the image, made unique). The manifest appears atomically on
/// ``commit()``; ``discard()`` leaves nothing behind but VOC files already written.
public final class SampleManifestWriter {
    /// The manifest's absolute path.
    public let manifestPath: String
    /// Samples written so far.
    public private(set) var samples = 0
    /// VOC files written so far.
    public private(set) var annotationFiles = 0
    /// The VOC folder, once a file was written to it.
    public private(set) var annotationFolder: String?
    private let directory: String
    private let annotationFolderName: String
    private let clearHard: Bool
    private let writer: ManifestFileWriter
    private var usedNames = Set<String>()

    /// A writer to `path`; with `clearHard` the hard-example fields are left out (a retraining manifest).
    public init(path: String, clearHard: Bool) throws {
        manifestPath = ResourceLocationPath.absolute(path)
        directory = (manifestPath as NSString).deletingLastPathComponent
        annotationFolderName = ((manifestPath as NSString).lastPathComponent as NSString).deletingPathExtension + "-annotations"
        self.clearHard = clearHard
        writer = try ManifestFileWriter(path: manifestPath)
    }

    /// Appends one sample (and its VOC file for detection).
    /// - Throws: ``EngineError`` when a detection sample cannot become a VOC file (e.g. no image size).
    public func write(_ sample: Sample) throws {
        var annotationLocation: String?
        let voc: VOCAnnotation?
        do {
            voc = try ManifestSampleMapping.vocAnnotation(for: sample, clearHard: clearHard)
        } catch {
            throw EngineError(.invalidInput, "cannot export \(sample.source): \(error.message)")
        }
        if let voc {
            let name = Self.uniqueName(for: voc.filename, id: sample.id, used: &usedNames)
            let xmlPath = directory + "/" + annotationFolderName + "/" + name
            try LocalFiles.writeAtomically(Array(VOCCodec.encode(voc).utf8), to: xmlPath)
            annotationLocation = "./" + annotationFolderName + "/" + name
            annotationFiles += 1
            annotationFolder = directory + "/" + annotationFolderName
        }
        let line = ManifestSampleMapping.manifestLine(for: sample, annotationLocation: annotationLocation, clearHard: clearHard)
        try writer.write(ManifestCodec.encodeLine(line))
        samples += 1
    }

    /// Makes the manifest appear.
    public func commit() throws {
        try writer.commit()
    }

    /// Abandons the manifest.
    public func discard() {
        writer.discard()
    }

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
