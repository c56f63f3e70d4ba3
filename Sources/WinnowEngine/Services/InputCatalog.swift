import Foundation
public import WinnowCore
public import WinnowObjects

/// Lists a batch service's inputs as a stream, in a stable order, without holding them all.
public struct InputCatalog: Sendable {
    /// File name extensions a folder input takes, lowercased.
    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "bmp", "webp"]

    private let reader: any ResourceReader

    public init(reader: any ResourceReader) {
        self.reader = reader
    }

    /// Calls `body` with every input in order: for a folder, every image below it, depth first with
    /// each folder's entries sorted by name (hidden entries skipped); for an `s3://bucket/prefix`
    /// folder, every image object below the prefix in key order; for a manifest, each line's `source`,
    /// resolved against the manifest's folder.
    ///
    /// - Throws: ``EngineError`` `.invalidInput` naming the folder or manifest line that is wrong.
    public func forEachInput(_ input: BatchService.Input, _ body: (String) async throws -> Void) async throws {
        switch input {
        case .folder(let uri) where uri.contains("://"):
            let prefix = try Self.objectLocation(uri)
            for try await object in reader.objects(under: prefix) {
                guard case .object(_, _, let key) = object, case .object(_, _, let base) = prefix else { continue }
                let below = key.dropFirst(base.count).split(separator: "/")
                guard !below.contains(where: { $0.hasPrefix(".") }),
                      Self.imageExtensions.contains((key as NSString).pathExtension.lowercased()) else { continue }
                try await body(object.description)
            }
        case .folder(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw EngineError(.invalidInput, "input folder \(path) does not exist or is not a folder")
            }
            try await walk(path, body)
        case .manifest(let path):
            // Relative sources resolve against the manifest's folder, or its prefix in object storage.
            let isObject = path.contains("://")
            let manifest: ResourceLocation = isObject ? try Self.objectLocation(path) : .file(path)
            let directory: String? = isObject ? TrainingSetReader.objectFolder(of: manifest) : (path as NSString).deletingLastPathComponent
            try await ManifestStream(reader: reader).forEachLine(of: manifest, file: path) { number, result in
                switch result {
                case .failure(let error):
                    throw EngineError(.invalidInput, "input manifest \(path) has an invalid line", problems: [error])
                case .success(let line):
                    do {
                        let location = try ResourceLocation(parsing: line.source, relativeTo: directory)
                        try await body(location.description)
                    } catch let error as ValidationError {
                        throw EngineError(.invalidInput, "input manifest \(path) has an invalid line",
                                          problems: [CodecError(file: path, line: number, field: error.field, message: error.message)])
                    }
                }
            }
        }
    }

    private static func objectLocation(_ uri: String) throws -> ResourceLocation {
        do {
            return try ResourceLocation(parsing: uri, relativeTo: nil, field: "input")
        } catch {
            throw EngineError(.invalidInput, "input \(uri): \(error.message)")
        }
    }

    private func walk(_ directory: String, _ body: (String) async throws -> Void) async throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw EngineError(.invalidInput, "cannot list \(directory): \(error.localizedDescription)")
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try await walk(path, body)
            } else if Self.imageExtensions.contains((name as NSString).pathExtension.lowercased()) {
                try await body(path)
            }
        }
    }
}
