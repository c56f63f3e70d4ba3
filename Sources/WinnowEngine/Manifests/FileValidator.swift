import Foundation
public import WinnowCore
public import WinnowObjects

/// Checks manifests (with every `annotation-loc` they name) and PASCAL VOC files, as `winnow validate` does.
public struct FileValidator: Sendable {
    /// What a validation run covered.
    public struct Summary: Sendable, Hashable {
        public var files = 0
        public var manifestLines = 0
        public var annotationFiles = 0
        public var problems = 0
        public init() {}
    }

    private let stream: ManifestStream
    private let loader: AnnotationFileLoader

    public init(reader: any ResourceReader) {
        stream = ManifestStream(reader: reader)
        loader = AnnotationFileLoader(reader: reader)
    }

    /// Validates each path (a `.manifest`, an `.xml`, or a folder holding such files), calling
    /// `report` for every problem as it is found.
    public func validate(paths: [String], report: (CodecError) -> Void) async -> Summary {
        var summary = Summary()
        var seenAnnotationFiles = Set<ResourceLocation>()
        for path in paths {
            for file in Self.expand(ResourceLocationPath.absolute(path), as: path) {
                summary.files += 1
                func problem(_ error: CodecError) {
                    summary.problems += 1
                    report(error)
                }
                switch file.kind {
                case .manifest:
                    let counts = await validateManifest(file, seen: &seenAnnotationFiles, report: problem)
                    summary.manifestLines += counts.lines
                    summary.annotationFiles += counts.annotationFiles
                case .voc:
                    summary.annotationFiles += 1
                    if case .failure(let error) = await loader.parse(.file(file.absolutePath)) {
                        problem(error.located(file: file.displayPath))
                    }
                case .missing(let message):
                    problem(CodecError(file: file.displayPath, message: message))
                }
            }
        }
        return summary
    }

    /// Checks one manifest; returns how many lines and distinct annotation files it had.
    private func validateManifest(
        _ file: InputFile, seen: inout Set<ResourceLocation>, report: (CodecError) -> Void
    ) async -> (lines: Int, annotationFiles: Int) {
        let directory = (file.absolutePath as NSString).deletingLastPathComponent
        var lines = 0
        var annotationFiles = 0
        do {
            try await stream.forEachBatch(of: .file(file.absolutePath), file: file.displayPath) { batch in
                for (number, result) in batch {
                    lines += 1
                    switch result {
                    case .failure(let error):
                        report(error)
                    case .success(let line):
                        do throws(ValidationError) {
                            _ = try ResourceLocation(parsing: line.source, relativeTo: directory)
                        } catch {
                            report(CodecError(file: file.displayPath, line: number, field: error.field, message: error.message))
                        }
                        for annotation in line.annotations {
                            if let text = annotation.annotationLocation, let location = try? ResourceLocation(parsing: text, relativeTo: directory),
                               seen.insert(location).inserted {
                                annotationFiles += 1
                            }
                        }
                        if AnnotationFileLoader.needsFiles(line),
                           case .failure(let error) = await loader.load(line, manifestDirectory: directory, file: file.displayPath, lineNumber: number) {
                            report(error)
                        }
                    }
                }
            }
        } catch let error as CodecError {
            report(error)
        } catch {
            report(CodecError(file: file.displayPath, message: "\(error)"))
        }
        return (lines, annotationFiles)
    }

    /// A file to check: what kind, where, and how to name it.
    struct InputFile {
        enum Kind {
            case manifest
            case voc
            case missing(String)
        }
        var kind: Kind
        var absolutePath: String
        var displayPath: String
    }

    /// A path as the files to check: itself, or the manifests and XML files in a folder, sorted.
    static func expand(_ absolutePath: String, as displayPath: String) -> [InputFile] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isDirectory) else {
            return [InputFile(kind: .missing("does not exist"), absolutePath: absolutePath, displayPath: displayPath)]
        }
        if !isDirectory.boolValue {
            return [classify(absolutePath, displayPath: displayPath)]
        }
        let names = (FileManager.default.enumerator(atPath: absolutePath)?.allObjects as? [String] ?? []).sorted()
        return names.compactMap { name in
            let lower = name.lowercased()
            guard lower.hasSuffix(".manifest") || lower.hasSuffix(".xml") else { return nil }
            let separator = displayPath.hasSuffix("/") ? "" : "/"
            return classify(absolutePath + "/" + name, displayPath: displayPath + separator + name)
        }
    }

    private static func classify(_ absolutePath: String, displayPath: String) -> InputFile {
        let lower = absolutePath.lowercased()
        let kind: InputFile.Kind
        if lower.hasSuffix(".xml") {
            kind = .voc
        } else if lower.hasSuffix(".manifest") || lower.hasSuffix(".jsonl") {
            kind = .manifest
        } else {
            kind = .missing("unknown file type: expected a .manifest (JSON Lines) or a PASCAL VOC .xml file")
        }
        return InputFile(kind: kind, absolutePath: absolutePath, displayPath: displayPath)
    }
}
