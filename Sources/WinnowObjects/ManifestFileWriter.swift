import Foundation

/// Writes a manifest line by line to a temporary file, and moves it into place on ``commit()``.
public final class ManifestFileWriter {
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    /// Starts writing the manifest that will appear at `path`.
    public init(path: String) throws(ObjectStoreError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        temporaryPath = directory + "/.winnow-tmp-" + UUID().uuidString + ".manifest"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ObjectStoreError(.io, "cannot create the folder \(directory): \(error.localizedDescription)")
        }
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw ObjectStoreError(.io, "cannot write in \(directory) (permissions?)")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends one line (a newline is added).
    public func write(_ line: String) throws(ObjectStoreError) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(ObjectStoreError) {
        do {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        } catch {
            throw ObjectStoreError(.io, "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Finishes the file and moves it to ``path``.
    public func commit() throws(ObjectStoreError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw ObjectStoreError(.io, "cannot finish \(path): \(error.localizedDescription)")
        }
        if rename(temporaryPath, path) != 0 {
            throw ObjectStoreError(.io, "cannot move the manifest into place at \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Abandons the file.
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
