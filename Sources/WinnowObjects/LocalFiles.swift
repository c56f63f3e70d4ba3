import Foundation
import WinnowCore

/// Plain file access with the errors Winnow reports: the path, and what went wrong.
public enum LocalFiles {
    /// Reads a whole file, refusing one larger than `maximumSize` bytes.
    public static func read(_ path: String, maximumSize: Int = 1 << 30) throws(ObjectStoreError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                throw ObjectStoreError(.io, isDirectory.boolValue ? "\(path) is a folder, not a file" : "\(path) cannot be read (permissions?)")
            }
            throw ObjectStoreError(.notFound, "\(path) does not exist")
        }
        defer { try? handle.close() }
        do {
            var bytes: [UInt8] = []
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                guard bytes.count + chunk.count <= maximumSize else {
                    throw ObjectStoreError(.tooLarge, "\(path) is larger than the \(maximumSize) bytes allowed")
                }
                bytes.append(contentsOf: chunk)
            }
            return bytes
        } catch let error as ObjectStoreError {
            throw error
        } catch {
            throw ObjectStoreError(.io, "cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it into place.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ObjectStoreError) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/.winnow-tmp-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                throw ObjectStoreError(.io, "cannot move a new file into place at \(path): \(String(cString: strerror(errno)))")
            }
        } catch let error as ObjectStoreError {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ObjectStoreError(.io, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// Path helpers.
public enum ResourceLocationPath {
    /// `path` made absolute against the current directory, with `.` and `..` collapsed.
    public static func absolute(_ path: String) -> String {
        ResourceLocation.normalise(path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path)
    }
}
