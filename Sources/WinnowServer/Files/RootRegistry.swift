import Foundation
import WinnowCore
import WinnowObjects
import WinnowStore

/// The folders images may be served from: every service's input (its folder, or a manifest's
/// folder), every folder a dataset was imported from through the server, and the configured extras.
/// A sample's image is served only when its real path (symlinks resolved) lies inside one of them.
struct RootRegistry: Sendable {
    let stores: ServerStores
    let extraRoots: [String]

    /// Where the import folders are kept in the object store.
    static let importRootsKey = "server/import-roots.json"

    /// Every registered folder, as absolute normalised paths.
    func roots() async throws -> [String] {
        var roots = extraRoots.map(ResourceLocationPath.absolute)
        for service in try await stores.services.listServices() {
            switch service.input {
            case .folder(let path): roots.append(ResourceLocation.normalise(path))
            case .manifest(let path): roots.append((ResourceLocation.normalise(path) as NSString).deletingLastPathComponent)
            }
        }
        roots += try await importRoots()
        return Array(Set(roots)).sorted()
    }

    func importRoots() async throws -> [String] {
        let key = try ObjectKey(Self.importRootsKey)
        guard try await stores.objects.exists(key) else { return [] }
        let value = try JSONParser.parse(try await stores.objects.get(key, maximumSize: 4 << 20))
        return value.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Registers the folder a manifest was imported from.
    func recordImportRoot(_ folder: String) async throws {
        var roots = try await importRoots()
        let normalised = ResourceLocation.normalise(folder)
        guard !roots.contains(normalised) else { return }
        roots.append(normalised)
        let text = JSONWriter.serialize(.array(roots.sorted().map(JSONValue.string)))
        try await stores.objects.put(try ObjectKey(Self.importRootsKey), Array(text.utf8))
    }

    /// The real path of a sample's image, checked against the registered folders.
    func resolve(source: String) async throws -> String {
        try await snapshot().resolve(source)
    }

    /// The registered folders as they are now, to check many sources at once.
    func snapshot() async throws -> RootSnapshot {
        let roots = try await roots()
        return RootSnapshot(roots: roots, realRoots: roots.compactMap(Self.realPath))
    }

    /// Whether `path` is one of `roots` or lies below one.
    static func contains(_ roots: [String], _ path: String) -> Bool {
        roots.contains { root in
            root == "/" || path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
    }

    /// The canonical path with every symbolic link resolved, or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The registered folders at one moment, lexically and with symlinks resolved.
struct RootSnapshot: Sendable {
    let roots: [String]
    let realRoots: [String]

    /// The real path of an image source.
    ///
    /// - Throws: `WINNOW.FORBIDDEN` when the path (as written, or once symlinks are resolved) lies
    ///   outside every registered folder; `WINNOW.NOT_FOUND` when it is not a local file or does not exist.
    func resolve(_ source: String) throws -> String {
        guard !source.contains("\u{0}") else { throw APIError(.forbidden, "the sample's source is not a servable path") }
        let location: ResourceLocation
        do {
            location = try ResourceLocation(parsing: source, relativeTo: nil)
        } catch {
            throw APIError(.notFound, "the sample's source '\(source)' is not a local file")
        }
        guard let path = location.filePath else {
            throw APIError(.notFound, "the sample's source '\(source)' is not a local file; only local images are served")
        }
        guard RootRegistry.contains(roots, path) else {
            throw APIError(.forbidden, "the sample's image lies outside the registered folders (service inputs and dataset import folders)")
        }
        guard let real = RootRegistry.realPath(path) else { throw APIError(.notFound, "the sample's image \(path) does not exist") }
        guard RootRegistry.contains(realRoots, real) else {
            throw APIError(.forbidden, "the sample's image resolves (through a symbolic link) to a place outside the registered folders")
        }
        return real
    }
}
