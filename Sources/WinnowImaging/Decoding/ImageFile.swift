#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole local file into memory with POSIX calls, refusing non-regular and oversized files.
enum ImageFile {
    static func read(atPath path: String, maximumBytes: Int) throws(ImageError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ImageError(.unreadable, "cannot open: \(errorText())", file: path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ImageError(.unreadable, "cannot stat: \(errorText())", file: path) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw ImageError(.unreadable, "not a regular file", file: path) }
        let size = Int(status.st_size)
        guard size > 0 else { throw ImageError(.empty, "the file is empty", file: path) }
        guard size <= maximumBytes else {
            throw ImageError(.tooLarge, "\(size) bytes is over the file-size limit of \(maximumBytes)", file: path)
        }
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            var total = 0
            while total < size {
                let result = systemRead(descriptor, base + total, size - total)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errorText()
                    break
                }
                if result == 0 { break }
                total += result
            }
            count = total
        }
        if let failure { throw ImageError(.unreadable, "cannot read: \(failure)", file: path) }
        return bytes
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}

/// `read(2)`, named apart from `ImageFile.read`.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(descriptor, buffer, count)
    #else
    return Darwin.read(descriptor, buffer, count)
    #endif
}
