import Foundation

/// An object store in a local folder: key `a/b.txt` is the file `ROOT/a/b.txt`.
///
/// Writes go to a temporary file renamed into place, so a reader never sees half an object.
public struct LocalFolderObjectStore: ObjectStore {
    /// The folder holding the objects.
    public let root: String

    /// A store rooted at `root`, created if missing.
    public init(root: String) throws {
        self.root = ResourceLocationPath.absolute(root)
        do {
            try FileManager.default.createDirectory(atPath: self.root, withIntermediateDirectories: true)
        } catch {
            throw ObjectStoreError(.io, "cannot create the object folder \(self.root): \(error.localizedDescription)")
        }
    }

    private func path(_ key: ObjectKey) -> String { root + "/" + key.rawValue }

    public func put(_ key: ObjectKey, _ bytes: [UInt8]) async throws {
        try LocalFiles.writeAtomically(bytes, to: path(key))
    }

    public func get(_ key: ObjectKey, maximumSize: Int) async throws -> [UInt8] {
        try LocalFiles.read(path(key), maximumSize: maximumSize)
    }

    public func exists(_ key: ObjectKey) async throws -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path(key), isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func delete(_ key: ObjectKey) async throws {
        do {
            try FileManager.default.removeItem(atPath: path(key))
        } catch CocoaError.fileNoSuchFile {
            return
        } catch {
            if !FileManager.default.fileExists(atPath: path(key)) { return }
            throw ObjectStoreError(.io, "cannot delete \(path(key)): \(error.localizedDescription)")
        }
    }

    public func list(prefix: String) async throws -> [ObjectKey] {
        try ObjectKey.checkPrefix(prefix)
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var keys: [ObjectKey] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasPrefix(prefix) || prefix.hasPrefix(relative + "/") else {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            guard relative.hasPrefix(prefix), (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular,
                  !relative.split(separator: "/").last!.hasPrefix(".winnow-tmp-"), let key = try? ObjectKey(relative)
            else { continue }
            keys.append(key)
        }
        return keys.sorted()
    }
}
