import Foundation
import WinnowCore
import WinnowObjects
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a batch service's `NAME_result.txt` files: into a temporary file beside the target
/// (`.winnow-tmp-…`, which a restarted run removes), then renamed into place, so a killed run never
/// leaves half a result under the real name.
///
/// Plain system calls, one file after another: `Data.write` costs several times more per file (URL
/// building, a flush to disk that a process kill does not need), and a service writes one file per
/// input. The folder is created only when the first open finds it missing.
enum ResultFileWriter {
    static func write(_ bytes: [UInt8], to path: String) throws(ObjectStoreError) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            throw ObjectStoreError(.io, "cannot write \(path): not an absolute path")
        }
        let directory = String(path[..<slash])
        let temporary = directory + "/.winnow-tmp-" + Identifier.make()
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if descriptor < 0 && errno == ENOENT {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw ObjectStoreError(.io, "cannot create the folder \(directory): \(error.localizedDescription)")
            }
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw failure("cannot write \(path)") }
        var written = 0
        let failed: ObjectStoreError? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return failure("cannot write \(path)")
                }
                written += count
            }
            return nil
        }
        if let failed {
            close(descriptor)
            unlink(temporary)
            throw failed
        }
        if close(descriptor) != 0 {
            let error = failure("cannot write \(path)")
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let error = failure("cannot move a new file into place at \(path)")
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ message: String) -> ObjectStoreError {
        ObjectStoreError(.io, "\(message): \(String(cString: strerror(errno)))")
    }
}

/// `write(2)`, under a name the enum's own `write` does not hide.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
